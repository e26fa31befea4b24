<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AddendaList</name>
    <message>
        <source>Addenda</source>
        <translation>Addendas</translation>
    </message>
    <message>
        <source>No addenda.</source>
        <translation>Aucun addenda.</translation>
    </message>
</context>
<context>
    <name>AddendumDialog</name>
    <message>
        <source>Add addendum</source>
        <translation>Ajouter un addenda</translation>
    </message>
    <message>
        <source>{heading}
The signed session is not changed: the addendum is added below it, with your name and the time.</source>
        <translation>{heading}
La séance signée n&apos;est pas modifiée : l&apos;addenda est ajouté à la suite, avec votre nom et l&apos;heure.</translation>
    </message>
    <message>
        <source>e.g. Patient called on day 3: mild neck pain, resolving.</source>
        <translation>p. ex. Appel du patient au jour 3 : légère douleur cervicale, en voie de résolution.</translation>
    </message>
</context>
<context>
    <name>AdminCommands</name>
    <message>
        <source>The window will be in English the next time botox-chart starts.</source>
        <translation>La fenêtre sera en anglais au prochain démarrage de botox-chart.</translation>
    </message>
    <message>
        <source>The window will be in French the next time botox-chart starts.</source>
        <translation>La fenêtre sera en français au prochain démarrage de botox-chart.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;3&apos;&gt;{rows}&lt;/table&gt;</source>
        <translation>&lt;table cellpadding=&apos;3&apos;&gt;{rows}&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>(development)</source>
        <translation>(développement)</translation>
    </message>
    <message>
        <source>not open</source>
        <translation>non ouverte</translation>
    </message>
    <message>
        <source>About botox-chart</source>
        <translation>À propos de botox-chart</translation>
    </message>
    <message>
        <source>botox-chart {number}
Charting onabotulinumtoxinA injections for chronic migraine (PREEMPT).

Database: {where}</source>
        <translation>botox-chart {number}
Consignation des injections d&apos;onabotulinumtoxinA pour la migraine chronique (PREEMPT).

Base de données : {where}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}); your charting is saved as a draft. Please report it to your support contact.</source>
        <translation>Un problème est survenu ({kind}); votre saisie est enregistrée comme brouillon. Veuillez le signaler à votre soutien technique.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Unknown patient</source>
        <translation>Patient(e) inconnu(e)</translation>
    </message>
    <message>
        <source>Session of {value} · {who}</source>
        <translation>Séance du {value} · {who}</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Piste de vérification</translation>
    </message>
    <message>
        <source>this session</source>
        <translation>cette séance</translation>
    </message>
    <message>
        <source>this patient and their sessions</source>
        <translation>ce ou cette patient(e) et ses séances</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) for {what}, oldest first. Times are local.</source>
        <translation>
            <numerusform>%n événement pour {what}, du plus ancien au plus récent. Heures locales.</numerusform>
            <numerusform>%n événements pour {what}, du plus ancien au plus récent. Heures locales.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Addenda</translation>
    </message>
    <message>
        <source>Eligibility assessment</source>
        <translation>Évaluation de l&apos;admissibilité</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>Deleted draft</source>
        <translation>Brouillon supprimé</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Échec de connexion</translation>
    </message>
    <message>
        <source>Unlocked sign-in</source>
        <translation>Connexion déverrouillée</translation>
    </message>
    <message>
        <source>Added clinician</source>
        <translation>Clinicien(ne) ajouté(e)</translation>
    </message>
    <message>
        <source>Deactivated clinician</source>
        <translation>Clinicien(ne) désactivé(e)</translation>
    </message>
    <message>
        <source>Set a password</source>
        <translation>Mot de passe défini</translation>
    </message>
    <message>
        <source>Changed clinic settings</source>
        <translation>Paramètres de la clinique modifiés</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient(e)</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clinique</translation>
    </message>
    <message>
        <source>Session {day_text}</source>
        <translation>Séance {day_text}</translation>
    </message>
    <message>
        <source>Fields: </source>
        <translation>Champs : </translation>
    </message>
    <message>
        <source>sites: </source>
        <translation>sites : </translation>
    </message>
    <message>
        <source>{document} {file}: {added}, {skipped}, {refused}</source>
        <translation>{document} {file} : {added}, {skipped}, {refused}</translation>
    </message>
    <message>
        <source>{document}: {added}, {skipped}, {refused}</source>
        <translation>{document} : {added}, {skipped}, {refused}</translation>
    </message>
    <message>
        <source>Draft of {day}</source>
        <translation>Brouillon du {day}</translation>
    </message>
    <message>
        <source>{role}, administrator</source>
        <translation>{role}, administrateur(-trice)</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>aucune modification</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message numerus="yes">
        <source>%n warning(s) acknowledged</source>
        <translation>
            <numerusform>%n avertissement confirmé</numerusform>
            <numerusform>%n avertissements confirmés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient(e)</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n ajouté</numerusform>
            <numerusform>%n ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n retiré</numerusform>
            <numerusform>%n retirés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n modifié</numerusform>
            <numerusform>%n modifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n ligne refusée</numerusform>
            <numerusform>%n lignes refusées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) skipped</source>
        <translation>
            <numerusform>%n doublon ignoré</numerusform>
            <numerusform>%n doublons ignorés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartIntents</name>
    <message>
        <source>{label} is omitted ({value}). Right-click it to restore it.</source>
        <translation>{label} est omis ({value}). Cliquez-le avec le bouton droit pour le rétablir.</translation>
    </message>
    <message>
        <source>Unmark {label}</source>
        <translation>Marquer {label} non injecté</translation>
    </message>
    <message>
        <source>Mark {label}</source>
        <translation>Marquer {label} injecté</translation>
    </message>
    <message>
        <source>{label}: {format_units} U. +/− changes the dose, Delete removes the site.</source>
        <translation>{label} : {format_units} U. +/− modifie la dose, Suppr retire le site.</translation>
    </message>
    <message>
        <source>{label} is not charted as injected; mark it first.</source>
        <translation>{label} n&apos;est pas inscrit comme injecté; marquez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>{label}: {format_units} U is the lowest step; type a smaller dose, or remove the site.</source>
        <translation>{label} : {format_units} U est le plus petit palier; saisissez une dose plus faible ou retirez le site.</translation>
    </message>
    <message>
        <source>{label}: {units} U</source>
        <translation>{label} : {units} U</translation>
    </message>
    <message>
        <source>{label} is omitted; restore it first.</source>
        <translation>{label} est omis; rétablissez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>Mark {label} at {format_units} U</source>
        <translation>Marquer {label} injecté à {format_units} U</translation>
    </message>
    <message>
        <source>No room for another site there without hiding {beside}: click a little further from the markers.</source>
        <translation>Pas de place pour un autre site à cet endroit sans masquer {beside} : cliquez un peu plus loin des marqueurs.</translation>
    </message>
    <message>
        <source>Placed beside {beside} so both stay visible.</source>
        <translation>Placé à côté de {beside} pour que les deux restent visibles.</translation>
    </message>
    <message>
        <source>Add follow-the-pain site, {name}</source>
        <translation>Ajouter un site selon la douleur, {name}</translation>
    </message>
    <message>
        <source>Follow-the-pain site not added</source>
        <translation>Site selon la douleur non ajouté</translation>
    </message>
    <message>
        <source>{muscle} has no follow-the-pain allowance in {name}.</source>
        <translation>{muscle} n&apos;admet aucun site selon la douleur dans {name}.</translation>
    </message>
    <message>
        <source>That point is outside the protocol&apos;s muscles.</source>
        <translation>Ce point est en dehors des muscles du protocole.</translation>
    </message>
    <message>
        <source>{why} To inject there anyway, chart a custom site:</source>
        <translation>{why} Pour injecter là quand même, inscrivez un site personnalisé :</translation>
    </message>
    <message>
        <source>Add custom site {label}</source>
        <translation>Ajouter le site personnalisé {label}</translation>
    </message>
    <message>
        <source>Custom site not added</source>
        <translation>Site personnalisé non ajouté</translation>
    </message>
    <message>
        <source>Omit site</source>
        <translation>Omettre le site</translation>
    </message>
    <message>
        <source>Why is {label} omitted? (e.g. brow ptosis)</source>
        <translation>Pourquoi {label} est-il omis? (p. ex. ptose du sourcil)</translation>
    </message>
    <message>
        <source>Omit {label}</source>
        <translation>Omettre {label}</translation>
    </message>
    <message>
        <source>Site not omitted</source>
        <translation>Site non omis</translation>
    </message>
    <message>
        <source>Restore {label}</source>
        <translation>Rétablir {label}</translation>
    </message>
    <message>
        <source>Remove {label}</source>
        <translation>Retirer {label}</translation>
    </message>
</context>
<context>
    <name>ClinicSettingsDialog</name>
    <message>
        <source>No billing codes on notes</source>
        <translation>Aucun code de facturation sur les notes</translation>
    </message>
    <message>
        <source>United States: CPT 64615, HCPCS J0585 with JW/JZ</source>
        <translation>États-Unis : CPT 64615, HCPCS J0585 avec JW/JZ</translation>
    </message>
    <message>
        <source>Canada: a provincial billing code</source>
        <translation>Canada : un code de facturation provincial</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>This computer&apos;s country (here: {paper})</source>
        <translation>Le pays de cet ordinateur (ici : {paper})</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>Letter (8.5 × 11 in)</source>
        <translation>Lettre (8,5 × 11 po)</translation>
    </message>
    <message>
        <source>DIN / &amp;NDC</source>
        <translation>DIN / &amp;NDC</translation>
    </message>
    <message>
        <source>&amp;NDC</source>
        <translation>&amp;NDC</translation>
    </message>
    <message>
        <source>&amp;DIN</source>
        <translation>&amp;DIN</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Clinic settings</source>
        <translation>Paramètres de la clinique</translation>
    </message>
    <message>
        <source>Street
City, province/state, postal code</source>
        <translation>Rue
Ville, province/État, code postal</translation>
    </message>
    <message>
        <source>No logo: the clinic name heads the note</source>
        <translation>Aucun logo : le nom de la clinique en tête</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>e.g. the fee code of your province</source>
        <translation>p. ex. le code d&apos;acte de votre province</translation>
    </message>
    <message>
        <source>Filled into new sessions</source>
        <translation>Inscrit dans les nouvelles séances</translation>
    </message>
    <message>
        <source>14 digits each, e.g. from the carton&apos;s (01)</source>
        <translation>14 chiffres chacun, p. ex. le (01) de la boîte</translation>
    </message>
    <message>
        <source>The GTINs of the product cartons the clinic uses, separated by spaces or commas. A scanned carton with another GTIN is refused; while this is empty a scan fills the lot and expiry without checking the product.</source>
        <translation>Les GTIN des boîtes du produit utilisé par la clinique, séparés par des espaces ou des virgules. Une boîte lue portant un autre GTIN est refusée; tant que ce champ est vide, la lecture remplit le lot et la péremption sans vérifier le produit.</translation>
    </message>
    <message>
        <source>Payer&apos;s continuation rule</source>
        <translation>Règle de poursuite du payeur</translation>
    </message>
    <message>
        <source>Judged beside NICE TA260 on each patient&apos;s outcomes (advice, never a block). A clinic adds its payer&apos;s rule as a file in the data folder&apos;s rules folder.</source>
        <translation>Appliquée en plus de NICE TA260 aux résultats de chaque patient(e) (un avis, jamais un blocage). Une clinique ajoute la règle de son payeur sous forme de fichier dans le dossier « rules » du dossier de données.</translation>
    </message>
    <message>
        <source>None (NICE TA260 only)</source>
        <translation>Aucune (NICE TA260 seulement)</translation>
    </message>
    <message>
        <source>Document language</source>
        <translation>Langue des documents</translation>
    </message>
    <message>
        <source>The language of the notes, records, letters and lists the clinic prints.</source>
        <translation>La langue des notes d&apos;intervention, dossiers, lettres et listes que la clinique imprime.</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>The paper every note, record, letter and list is laid out for, and the printer&apos;s paper. Left to the computer&apos;s country, each workstation uses its own: Letter in the United States, Canada, Mexico, the Philippines and a few more, A4 elsewhere.</source>
        <translation>Le papier pour lequel chaque note, dossier, lettre et liste est mis en page, et celui de l&apos;imprimante. Laissé au pays de l&apos;ordinateur, chaque poste utilise le sien : Lettre aux États-Unis, au Canada, au Mexique, aux Philippines et dans quelques autres pays, A4 ailleurs.</translation>
    </message>
    <message>
        <source> min without input</source>
        <translation> min sans activité</translation>
    </message>
    <message>
        <source>Lock the window after</source>
        <translation>Verrouiller la fenêtre après</translation>
    </message>
    <message>
        <source>The window locks (hiding patient information) after this many minutes without keyboard or mouse input; the open chart is saved first.</source>
        <translation>La fenêtre se verrouille (en masquant les renseignements des patients) après ce nombre de minutes sans activité du clavier ni de la souris; la fiche ouverte est d&apos;abord enregistrée.</translation>
    </message>
    <message>
        <source> min after 10 failed sign-ins</source>
        <translation> min après 10 échecs de connexion</translation>
    </message>
    <message>
        <source>Lock an account for</source>
        <translation>Verrouiller un compte pendant</translation>
    </message>
    <message>
        <source>After 10 wrong passwords in a row for a user name, sign-in is refused for this many minutes (on every workstation); an administrator can unlock it sooner in Clinicians.</source>
        <translation>Après 10 mots de passe erronés de suite pour un nom d&apos;utilisateur, la connexion est refusée pendant ce nombre de minutes (sur tous les postes); un administrateur peut la déverrouiller plus tôt dans Cliniciens.</translation>
    </message>
    <message>
        <source>Clinic &amp;name</source>
        <translation>&amp;Nom de la clinique</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <source>&amp;Logo</source>
        <translation>&amp;Logo</translation>
    </message>
    <message>
        <source>&amp;Billing</source>
        <translation>&amp;Facturation</translation>
    </message>
    <message>
        <source>P&amp;rovincial code</source>
        <translation>Code p&amp;rovincial</translation>
    </message>
    <message>
        <source>Product &amp;GTINs</source>
        <translation>&amp;GTIN du produit</translation>
    </message>
    <message>
        <source>Pa&amp;yer&apos;s rule</source>
        <translation>Règle du pa&amp;yeur</translation>
    </message>
    <message>
        <source>Docu&amp;ment language</source>
        <translation>Lan&amp;gue des documents</translation>
    </message>
    <message>
        <source>Pap&amp;er</source>
        <translation>Pa&amp;pier</translation>
    </message>
    <message>
        <source>Loc&amp;k after</source>
        <translation>&amp;Verrouiller après</translation>
    </message>
    <message>
        <source>Lock acco&amp;unt for</source>
        <translation>Verrouiller un co&amp;mpte</translation>
    </message>
    <message>
        <source>These print on every procedure note. Keep the logo in a folder every workstation can reach (a shared drive): a note prints without it otherwise.</source>
        <translation>Ces renseignements s&apos;impriment sur chaque note d&apos;intervention. Placez le logo dans un dossier accessible à tous les postes (un lecteur partagé) : sinon, la note s&apos;imprime sans lui.</translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name: it heads every note.</source>
        <translation>Saisissez le nom de la clinique : il figure en tête de chaque note.</translation>
    </message>
    <message>
        <source>There is no logo file at {path}.</source>
        <translation>Aucun fichier de logo à l&apos;emplacement {path}.</translation>
    </message>
    <message>
        <source>{name} is not a PNG or JPEG image.</source>
        <translation>{name} n&apos;est pas une image PNG ou JPEG.</translation>
    </message>
    <message>
        <source>Enter the provincial billing code, or choose another billing setting.</source>
        <translation>Saisissez le code de facturation provincial ou choisissez un autre mode de facturation.</translation>
    </message>
    <message>
        <source>Choose the clinic logo</source>
        <translation>Choisir le logo de la clinique</translation>
    </message>
    <message>
        <source>Logo file not found.</source>
        <translation>Fichier du logo introuvable.</translation>
    </message>
</context>
<context>
    <name>ClinicianDialog</name>
    <message>
        <source>Injector (charts and signs)</source>
        <translation>Injecteur(-trice) (saisit et signe)</translation>
    </message>
    <message>
        <source>Physician (charts, signs, supervises)</source>
        <translation>Médecin (saisit, signe, supervise)</translation>
    </message>
    <message>
        <source>Staff (finds, views and prints)</source>
        <translation>Personnel (recherche, consulte et imprime)</translation>
    </message>
    <message>
        <source>Sessions are charted and signed by clinicians who sign in as themselves. Create the first administrator: they sign in now and add the clinic&apos;s other clinicians (File &gt; Clinicians).</source>
        <translation>Les séances sont saisies et signées par des cliniciens qui se connectent en leur propre nom. Créez le premier administrateur : il se connecte maintenant et ajoute les autres cliniciens de la clinique (Fichier &gt; Cliniciens).</translation>
    </message>
    <message>
        <source>Create the first administrator</source>
        <translation>Créer le premier administrateur</translation>
    </message>
    <message>
        <source>Add clinician</source>
        <translation>Ajouter un(e) clinicien(ne)</translation>
    </message>
    <message>
        <source>e.g. Dr Ana Souza</source>
        <translation>p. ex. Dre Ana Souza</translation>
    </message>
    <message>
        <source>e.g. MD, FRCPC or RN</source>
        <translation>p. ex. M.D., FRCPC ou inf.</translation>
    </message>
    <message>
        <source>e.g. asouza (no spaces)</source>
        <translation>p. ex. asouza (sans espace)</translation>
    </message>
    <message>
        <source>at least {min_password} characters</source>
        <translation>au moins {min_password} caractères</translation>
    </message>
    <message>
        <source>&amp;Administrator (adds clinicians, changes clinic settings)</source>
        <translation>&amp;Administrateur (ajoute des cliniciens, modifie les paramètres de la clinique)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Credentials</source>
        <translation>&amp;Titres</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <source>Con&amp;firm password</source>
        <translation>Con&amp;firmer le mot de passe</translation>
    </message>
    <message>
        <source>Create and &amp;sign in</source>
        <translation>Créer et se &amp;connecter</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Les deux mots de passe diffèrent. Saisissez deux fois le même mot de passe.</translation>
    </message>
</context>
<context>
    <name>ClinicianListModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>{text}, administrator</source>
        <translation>{text}, administrateur(-trice)</translation>
    </message>
    <message>
        <source>Cannot sign in yet</source>
        <translation>Ne peut pas encore se connecter</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>Locked until {local_time}</source>
        <translation>Verrouillé jusqu&apos;à {local_time}</translation>
    </message>
    <message numerus="yes">
        <source>Yes (%n failed sign-in(s))</source>
        <translation>
            <numerusform>Oui (%n échec de connexion)</numerusform>
            <numerusform>Oui (%n échecs de connexion)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliniciansDialog</name>
    <message>
        <source>Clinicians</source>
        <translation>Cliniciens</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Add an injector, physician or staff member with a login</source>
        <translation>Ajouter un injecteur, un médecin ou un membre du personnel avec un accès</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>&amp;Unlock sign-in</source>
        <translation>&amp;Déverrouiller la connexion</translation>
    </message>
    <message>
        <source>Forget the failed sign-ins of the selected clinician: they can sign in at once</source>
        <translation>Effacer les échecs de connexion du clinicien sélectionné : il peut se connecter immédiatement</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>Dés&amp;activer…</translation>
    </message>
    <message>
        <source>Everyone who can sign in. Injectors chart and sign; physicians also supervise; staff find, view and print. Administrators add clinicians and change clinic settings.</source>
        <translation>Toutes les personnes qui peuvent se connecter. Les injecteurs saisissent et signent; les médecins supervisent aussi; le personnel recherche, consulte et imprime. Les administrateurs ajoutent des cliniciens et modifient les paramètres de la clinique.</translation>
    </message>
    <message>
        <source>Unlock sign-in</source>
        <translation>Déverrouiller la connexion</translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation>{name} peut de nouveau se connecter.</translation>
    </message>
    <message>
        <source>Deactivate clinician</source>
        <translation>Désactiver le clinicien</translation>
    </message>
    <message>
        <source>Deactivate {name}? They can no longer sign in or supervise; their name stays on the sessions they charted and signed.</source>
        <translation>Désactiver {name}? Cette personne ne pourra plus se connecter ni superviser; son nom reste sur les séances qu&apos;elle a saisies et signées.</translation>
    </message>
    <message>
        <source>Give &amp;sign-in…</source>
        <translation>Donner un &amp;accès…</translation>
    </message>
    <message>
        <source>Select a clinician to reset their password or deactivate them.</source>
        <translation>Sélectionnez un clinicien pour réinitialiser son mot de passe ou le désactiver.</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself: another administrator can.</source>
        <translation>Vous ne pouvez pas vous désactiver vous-même : un autre administrateur le peut.</translation>
    </message>
    <message>
        <source>{name} has no user name, so cannot sign in yet: Give sign-in… sets one with a password.</source>
        <translation>{name} n&apos;a pas de nom d&apos;utilisateur et ne peut donc pas encore se connecter : Donner un accès… en définit un avec un mot de passe.</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n failed sign-in(s) in a row. Unlock sign-in lets them sign in at once (check it was them first).</source>
        <translation>
            <numerusform>{name} : %n échec de connexion de suite. Déverrouiller la connexion lui permet de se connecter immédiatement (vérifiez d&apos;abord que c&apos;était bien cette personne).</numerusform>
            <numerusform>{name} : %n échecs de connexion de suite. Déverrouiller la connexion lui permet de se connecter immédiatement (vérifiez d&apos;abord que c&apos;était bien cette personne).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CurrentSite</name>
    <message>
        <source>Selected site</source>
        <translation>Site sélectionné</translation>
    </message>
    <message>
        <source>Nothing selected: click a site or press →</source>
        <translation>Aucune sélection : cliquez sur un site ou appuyez sur →</translation>
    </message>
    <message>
        <source>&amp;Units:</source>
        <translation>&amp;Unités :</translation>
    </message>
    <message>
        <source>e.g. 5</source>
        <translation>p. ex. 5</translation>
    </message>
    <message>
        <source>omitted ({value})</source>
        <translation>omis ({value})</translation>
    </message>
    <message>
        <source>injected, {units} U</source>
        <translation>injecté, {units} U</translation>
    </message>
    <message>
        <source>not charted yet (standard {format_units} U)</source>
        <translation>pas encore inscrit (standard {format_units} U)</translation>
    </message>
    <message>
        <source>Site {number}: {label} ({key}): {words}</source>
        <translation>Site {number} : {label} ({key}) : {words}</translation>
    </message>
    <message>
        <source>Site {number}: {label}: {units} U</source>
        <translation>Site {number} : {label} : {units} U</translation>
    </message>
</context>
<context>
    <name>DatabaseKeys</name>
    <message>
        <source>The database is encrypted. Print this recovery key and keep it in the clinic&apos;s safe. If this computer&apos;s keyring is lost (a new computer, a new user account), the recovery key is the only way to read the records: type it when botox-chart asks, or set BOTOX_CHART_DB_KEY to it.

{key}

It is not shown again.</source>
        <translation>La base de données est chiffrée. Imprimez cette clé de récupération et conservez-la dans le coffre de la clinique. Si le trousseau de cet ordinateur est perdu (un nouvel ordinateur, un nouveau compte d&apos;utilisateur), la clé de récupération est le seul moyen de lire les dossiers : saisissez-la quand botox-chart la demande, ou affectez-la à BOTOX_CHART_DB_KEY.

{key}

Elle ne sera plus affichée.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the database&apos;s key. Choose a passphrase of at least {min_passphrase} characters; botox-chart asks for it each time it starts. Keep it in the clinic&apos;s safe: without it the records cannot be read.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau pour conserver la clé de la base de données. Choisissez une phrase de passe d&apos;au moins {min_passphrase} caractères; botox-chart la demande à chaque démarrage. Conservez-la dans le coffre de la clinique : sans elle, les dossiers sont illisibles.</translation>
    </message>
    <message>
        <source>Choose a database passphrase</source>
        <translation>Choisir une phrase de passe pour la base de données</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>Trop court</translation>
    </message>
    <message>
        <source>At least {min_passphrase} characters, please.</source>
        <translation>Au moins {min_passphrase} caractères, s&apos;il vous plaît.</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>Saisissez-la de nouveau :</translation>
    </message>
    <message>
        <source>Not the same</source>
        <translation>Différente</translation>
    </message>
    <message>
        <source>The two passphrases differ; try again.</source>
        <translation>Les deux phrases de passe diffèrent; réessayez.</translation>
    </message>
    <message>
        <source>{message}

Passphrase or recovery key:</source>
        <translation>{message}

Phrase de passe ou clé de récupération :</translation>
    </message>
    <message>
        <source>Database passphrase</source>
        <translation>Phrase de passe de la base de données</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Encrypt database</source>
        <translation>Chiffrer la base de données</translation>
    </message>
    <message>
        <source>This database is already encrypted.</source>
        <translation>Cette base de données est déjà chiffrée.</translation>
    </message>
    <message>
        <source>Encrypt the database and its backups? Everyone else must close botox-chart on this database first. The chart open here is saved and closed, and everyone signs in again afterwards.</source>
        <translation>Chiffrer la base de données et ses sauvegardes? Toutes les autres personnes doivent d&apos;abord fermer botox-chart sur cette base de données. La fiche ouverte ici est enregistrée et fermée, puis tout le monde se reconnecte.</translation>
    </message>
    <message>
        <source>This computer has no keyring. Choose a passphrase of at least {min_passphrase} characters; it is asked for each time botox-chart starts.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau. Choisissez une phrase de passe d&apos;au moins {min_passphrase} caractères; elle est demandée à chaque démarrage de botox-chart.</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Non chiffrée</translation>
    </message>
</context>
<context>
    <name>DatabaseLoader</name>
    <message>
        <source>The database could not be opened because of an unexpected error ({kind}). Please report it; nothing was changed.</source>
        <translation>La base de données n&apos;a pas pu être ouverte à cause d&apos;une erreur inattendue ({kind}). Veuillez la signaler; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Could not check which role the database is used as: {err}</source>
        <translation>Impossible de vérifier le rôle sous lequel la base de données est utilisée : {err}</translation>
    </message>
</context>
<context>
    <name>DiagramArt</name>
    <message>
        <source>R</source>
        <translation>D</translation>
    </message>
    <message>
        <source>L</source>
        <translation>G</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>Face</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>Côté droit</translation>
    </message>
    <message>
        <source>Left side</source>
        <translation>Côté gauche</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Dos</translation>
    </message>
</context>
<context>
    <name>DiagramKeys</name>
    <message>
        <source>Protocol sites are omitted, not removed: press O to omit this one (with a reason).</source>
        <translation>Les sites du protocole sont omis, pas retirés : appuyez sur O pour omettre celui-ci (avec une raison).</translation>
    </message>
    <message>
        <source>An added site is removed, not omitted: press Delete to remove it.</source>
        <translation>Un site ajouté est retiré, pas omis : appuyez sur Suppr pour le retirer.</translation>
    </message>
</context>
<context>
    <name>DraftAutosave</name>
    <message>
        <source>Not saved: this draft was changed on another workstation. Reload to see those changes.</source>
        <translation>Non enregistré : ce brouillon a été modifié sur un autre poste. Rechargez-le pour voir ces modifications.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Not saved: {problem} Your changes are kept here.</source>
        <translation>Non enregistré : {problem} Vos modifications sont conservées ici.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Draft · saving…</source>
        <translation>Brouillon · enregistrement…</translation>
    </message>
    <message>
        <source>Draft · all changes saved</source>
        <translation>Brouillon · tout est enregistré</translation>
    </message>
    <message>
        <source>Changed on another workstation</source>
        <translation>Modifié sur un autre poste</translation>
    </message>
    <message>
        <source>{err}

Reload the draft now?</source>
        <translation>{err}

Recharger le brouillon maintenant?</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>{err}

Your changes are kept in this window and saved again with your next change (or Retry).</source>
        <translation>{err}

Vos modifications sont conservées dans cette fenêtre et seront enregistrées de nouveau à votre prochaine modification (ou avec Réessayer).</translation>
    </message>
</context>
<context>
    <name>DueListDialog</name>
    <message>
        <source>This week (due within 7 days, overdue included)</source>
        <translation>Cette semaine (échéance d&apos;ici 7 jours, retards compris)</translation>
    </message>
    <message>
        <source>Next 2 weeks (due within 14 days, overdue included)</source>
        <translation>Deux prochaines semaines (échéance d&apos;ici 14 jours, retards compris)</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>En retard seulement</translation>
    </message>
    <message>
        <source>Due list</source>
        <translation>Liste des échéances</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>Patients due</source>
        <translation>Patients à traiter</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Aperçu…</translation>
    </message>
    <message>
        <source>See the printed list first</source>
        <translation>Voir d&apos;abord la liste imprimée</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print the list to call, with Called and Notes columns</source>
        <translation>Imprimer la liste d&apos;appels, avec les colonnes Appelé et Notes</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <source>Save the printable list as a PDF</source>
        <translation>Enregistrer la liste imprimable en PDF</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Save the list as CSV for a spreadsheet</source>
        <translation>Enregistrer la liste en CSV pour un tableur</translation>
    </message>
    <message>
        <source>The list could not be read.</source>
        <translation>La liste n&apos;a pas pu être lue.</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) {period}; referrals never treated are always listed. Enter or a double-click chooses the patient in the main window.</source>
        <translation>
            <numerusform>%n patient(e) {period}; les personnes orientées jamais traitées sont toujours listées. Entrée ou un double-clic choisit la personne dans la fenêtre principale.</numerusform>
            <numerusform>%n patients {period}; les personnes orientées jamais traitées sont toujours listées. Entrée ou un double-clic choisit la personne dans la fenêtre principale.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueListModel</name>
    <message>
        <source>Patient</source>
        <translation>Patient(e)</translation>
    </message>
    <message>
        <source>Chart #</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Last treated</source>
        <translation>Dernier traitement</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Prochaine échéance</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Injector</source>
        <translation>Injecteur(-trice)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Repères</translation>
    </message>
</context>
<context>
    <name>EligibilityDialog</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non consigné</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Médicament</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Why stopped</source>
        <translation>Motif d&apos;arrêt</translation>
    </message>
    <message>
        <source>Eligibility assessment: {patient_name}</source>
        <translation>Évaluation de l&apos;admissibilité : {patient_name}</translation>
    </message>
    <message>
        <source>per month (30 days), e.g. 22</source>
        <translation>par mois (30 jours), p. ex. 22</translation>
    </message>
    <message>
        <source>per month; blank if not recorded</source>
        <translation>par mois; vide si non consigné</translation>
    </message>
    <message>
        <source>blank if not recorded</source>
        <translation>vide si non consigné</translation>
    </message>
    <message>
        <source>Medication overuse addressed</source>
        <translation>Surconsommation de médicaments prise en charge</translation>
    </message>
    <message>
        <source>Referral on file</source>
        <translation>Demande de consultation au dossier</translation>
    </message>
    <message>
        <source>Preventive treatments tried</source>
        <translation>Traitements préventifs essayés</translation>
    </message>
    <message>
        <source>&amp;Add medicine</source>
        <translation>&amp;Ajouter un médicament</translation>
    </message>
    <message>
        <source>&amp;Remove medicine</source>
        <translation>&amp;Retirer le médicament</translation>
    </message>
    <message>
        <source>&amp;Baseline period:</source>
        <translation>Période de &amp;référence :</translation>
    </message>
    <message>
        <source>&amp;Headache days per month:</source>
        <translation>Jours de &amp;céphalée par mois :</translation>
    </message>
    <message>
        <source>&amp;Migraine days per month:</source>
        <translation>Jours de &amp;migraine par mois :</translation>
    </message>
    <message>
        <source>Months with &amp;chronic migraine:</source>
        <translation>Mois de migraine c&amp;hronique :</translation>
    </message>
    <message>
        <source>Hours &amp;per day:</source>
        <translation>Heures &amp;par jour :</translation>
    </message>
    <message>
        <source>Medication &amp;overuse addressed:</source>
        <translation>S&amp;urconsommation prise en charge :</translation>
    </message>
    <message>
        <source>Re&amp;ferral on file:</source>
        <translation>&amp;Demande de consultation au dossier :</translation>
    </message>
    <message>
        <source>Preventive treatments tried (each listed counts as tried):</source>
        <translation>Traitements préventifs essayés (chaque traitement listé compte comme essayé) :</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes :</translation>
    </message>
    <message>
        <source>headache days</source>
        <translation>jours de céphalée</translation>
    </message>
    <message>
        <source>The headache days per month are missing.</source>
        <translation>Il manque les jours de céphalée par mois.</translation>
    </message>
    <message>
        <source>the start of the baseline period</source>
        <translation>le début de la période de référence</translation>
    </message>
    <message>
        <source>the end of the baseline period</source>
        <translation>la fin de la période de référence</translation>
    </message>
    <message>
        <source>migraine days</source>
        <translation>jours de migraine</translation>
    </message>
    <message>
        <source>months with chronic migraine</source>
        <translation>mois de migraine chronique</translation>
    </message>
    <message>
        <source>hours per day</source>
        <translation>heures par jour</translation>
    </message>
    <message>
        <source>Not recorded: {err}</source>
        <translation>Non consigné : {err}</translation>
    </message>
    <message>
        <source>✓ met</source>
        <translation>✓ satisfait</translation>
    </message>
    <message>
        <source>✗ missing</source>
        <translation>✗ manquant</translation>
    </message>
    <message>
        <source>&lt;b&gt;NICE TA260 criteria&lt;/b&gt; (advice, not a block):{rows}</source>
        <translation>&lt;b&gt;Critères NICE TA260&lt;/b&gt; (un avis, pas un blocage) :{rows}</translation>
    </message>
    <message>
        <source>Type {label} as {date_hint} (e.g. 2026-09-30).</source>
        <translation>Saisissez {label} sous la forme {date_hint} (p. ex. 2026-09-30).</translation>
    </message>
    <message>
        <source>The {label} must be a number.</source>
        <translation>Valeur invalide pour « {label} » : un nombre est attendu.</translation>
    </message>
    <message>
        <source>The {label} must be a whole number.</source>
        <translation>Valeur invalide pour « {label} » : un nombre entier est attendu.</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>Nothing to fix: ready to sign.</source>
        <translation>Rien à corriger : prête à signer.</translation>
    </message>
    <message numerus="yes">
        <source>%n to fix before signing</source>
        <translation>
            <numerusform>%n à corriger avant de signer</numerusform>
            <numerusform>%n à corriger avant de signer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to acknowledge</source>
        <translation>
            <numerusform>%n à confirmer</numerusform>
            <numerusform>%n à confirmer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadDiagram</name>
    <message>
        <source>Signed — read only</source>
        <translation>Signée — lecture seule</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>Consultation seulement</translation>
    </message>
    <message>
        <source>Injection site diagram</source>
        <translation>Schéma des sites d&apos;injection</translation>
    </message>
    <message>
        <source>Arrow keys: next or previous site. Space or Enter: mark the site. Plus or minus: change the dose. O: omit a protocol site. Delete: remove an added site. Menu key: more actions.</source>
        <translation>Flèches : site suivant ou précédent. Espace ou Entrée : marquer le site. Plus ou moins : modifier la dose. O : omettre un site du protocole. Suppr : retirer un site ajouté. Touche Menu : autres actions.</translation>
    </message>
    <message>
        <source>Restore site</source>
        <translation>Rétablir le site</translation>
    </message>
    <message>
        <source>Mark not injected</source>
        <translation>Marquer non injecté</translation>
    </message>
    <message>
        <source>Mark injected</source>
        <translation>Marquer injecté</translation>
    </message>
    <message>
        <source>Increase dose	+</source>
        <translation>Augmenter la dose	+</translation>
    </message>
    <message>
        <source>Decrease dose	−</source>
        <translation>Diminuer la dose	−</translation>
    </message>
    <message>
        <source>Omit site…	O</source>
        <translation>Omettre le site…	O</translation>
    </message>
    <message>
        <source>Remove site	Del</source>
        <translation>Retirer le site	Suppr</translation>
    </message>
</context>
<context>
    <name>LotPicker</name>
    <message>
        <source>{text!r} is not an expiry date: type it as on the vial, e.g. 2027-06.</source>
        <translation>{text!r} n&apos;est pas une date de péremption : saisissez-la comme sur la fiole, p. ex. 2027-06.</translation>
    </message>
    <message>
        <source>the lot expiry date</source>
        <translation>la date de péremption du lot</translation>
    </message>
    <message>
        <source>{lot} — expiry not recorded</source>
        <translation>{lot} — péremption non consignée</translation>
    </message>
    <message>
        <source>, expired</source>
        <translation>, périmé</translation>
    </message>
    <message>
        <source>{lot} — exp. {isoformat}{expired}</source>
        <translation>{lot} — pér. {isoformat}{expired}</translation>
    </message>
    <message>
        <source>Pick a recent lot or type one</source>
        <translation>Choisissez un lot récent ou saisissez-en un</translation>
    </message>
</context>
<context>
    <name>LotRecallDialog</name>
    <message>
        <source>Lot recall</source>
        <translation>Rappel de lot</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>Numéro de lot</translation>
    </message>
    <message>
        <source>Lot number, as on the carton</source>
        <translation>Numéro de lot, comme sur la boîte</translation>
    </message>
    <message>
        <source>&amp;Lot:</source>
        <translation>&amp;Lot :</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>A&amp;u</translation>
    </message>
    <message>
        <source>Only sessions on or after / on or before this date of service</source>
        <translation>Seulement les séances à partir de / jusqu&apos;à cette date de service</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Type a lot number and press Enter.</source>
        <translation>Saisissez un numéro de lot et appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>Sessions that used the lot</source>
        <translation>Séances ayant utilisé le lot</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Aperçu…</translation>
    </message>
    <message>
        <source>See the printed list first</source>
        <translation>Voir d&apos;abord la liste imprimée</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print the recall list, with a Contacted column</source>
        <translation>Imprimer la liste de rappel, avec une colonne Joint</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <source>Save the recall list as a PDF</source>
        <translation>Enregistrer la liste de rappel en PDF</translation>
    </message>
    <message>
        <source>The list could not be read.</source>
        <translation>La liste n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <source>No session used lot {lot} ({period}).</source>
        <translation>Aucune séance n&apos;a utilisé le lot {lot} ({period}).</translation>
    </message>
    <message>
        <source>Lot {lot}, {period}: {sessions}, {patients}, {units} U from the lot</source>
        <translation>Lot {lot}, {period} : {sessions}, {patients}, {units} U provenant du lot</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n séance</numerusform>
            <numerusform>%n séances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient(e)</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n not signed (DRAFT)</source>
        <translation>
            <numerusform>; %n non signée (BROUILLON)</numerusform>
            <numerusform>; %n non signées (BROUILLON)</numerusform>
        </translation>
    </message>
    <message>
        <source>. Enter or a double-click chooses the patient in the main window.</source>
        <translation>. Entrée ou un double-clic choisit la personne dans la fenêtre principale.</translation>
    </message>
</context>
<context>
    <name>LotRecallModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient(e)</translation>
    </message>
    <message>
        <source>Chart #</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Injector</source>
        <translation>Injecteur(-trice)</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>BROUILLON</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signée</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The database was replaced under this window: nothing here can be saved until it is opened again (View › Refresh, F5).</source>
        <translation>La base de données a été remplacée sous cette fenêtre : rien ne peut être enregistré ici avant qu&apos;elle soit rouverte (Affichage › Actualiser, F5).</translation>
    </message>
    <message>
        <source>Double-click a patient (or press Enter on them) to chart: their draft opens, else their last session is repeated, else a new session starts. Or start a New session (Ctrl+N), Repeat the last session (Ctrl+R), or open a session from the list (Enter).</source>
        <translation>Double-cliquez sur une personne (ou appuyez sur Entrée) pour saisir : son brouillon s&apos;ouvre, sinon sa dernière séance est reprise, sinon une nouvelle séance commence. Ou lancez une Nouvelle séance (Ctrl+N), Reprenez la dernière séance (Ctrl+R) ou ouvrez une séance de la liste (Entrée).</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Undo or redo a charting change</source>
        <translation>Annuler ou rétablir une modification de la saisie</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>Signed in clinician</source>
        <translation>Clinicien(ne) connecté(e)</translation>
    </message>
    <message>
        <source>Charting</source>
        <translation>Saisie</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup failed. {message}</source>
        <translation>La sauvegarde automatique d&apos;aujourd&apos;hui a échoué. {message}</translation>
    </message>
    <message>
        <source>Loading patients…</source>
        <translation>Chargement des patients…</translation>
    </message>
    <message>
        <source>The database this window reads and writes</source>
        <translation>La base de données que cette fenêtre lit et modifie</translation>
    </message>
    <message numerus="yes">
        <source>%Ln patient(s)</source>
        <translation>
            <numerusform>%Ln patient(e)</numerusform>
            <numerusform>%Ln patients</numerusform>
        </translation>
    </message>
    <message>
        <source>The database could not be opened. {message}</source>
        <translation>La base de données n&apos;a pas pu être ouverte. {message}</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Aucune base de données n&apos;est ouverte.</translation>
    </message>
    <message>
        <source>Database not opened</source>
        <translation>Base de données non ouverte</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Impossible d&apos;ouvrir la base de données</translation>
    </message>
    <message>
        <source>{message} This window is read-only: View › Refresh (F5) opens the database as it is now.</source>
        <translation>{message} Cette fenêtre est en lecture seule : Affichage › Actualiser (F5) ouvre la base de données telle qu&apos;elle est maintenant.</translation>
    </message>
    <message>
        <source>The database was replaced</source>
        <translation>La base de données a été remplacée</translation>
    </message>
    <message>
        <source>{message}

Changes made in this window since then are only on this screen. Reload now? Everyone signs in again.</source>
        <translation>{message}

Les modifications faites dans cette fenêtre depuis ne sont qu&apos;à l&apos;écran. Recharger maintenant? Tout le monde se reconnecte.</translation>
    </message>
    <message>
        <source>, an administrator</source>
        <translation>, administrateur(-trice)</translation>
    </message>
    <message>
        <source>{name} ({role}{admin}), user name {username}</source>
        <translation>{name} ({role}{admin}), nom d&apos;utilisateur {username}</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Signed in: </source>
        <translation>Connecté(e) : </translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>Well tolerated</source>
        <translation>Bien toléré</translation>
    </message>
    <message>
        <source>Tolerated with mild discomfort</source>
        <translation>Toléré avec un léger inconfort</translation>
    </message>
    <message>
        <source>Poorly tolerated</source>
        <translation>Mal toléré</translation>
    </message>
    <message>
        <source>Standard aftercare advice given; next session in 12 weeks</source>
        <translation>Conseils habituels après l&apos;injection donnés; prochaine séance dans 12 semaines</translation>
    </message>
    <message>
        <source>Aftercare leaflet given</source>
        <translation>Dépliant de conseils après l&apos;injection remis</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Counting window</source>
        <translation>Période de décompte</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>The days the figures below count: the last 30 days asked at the visit, or the days of a diary. Compared per 28 days.</source>
        <translation>Les jours que comptent les valeurs ci-dessous : les 30 derniers jours demandés à la visite, ou les jours d&apos;un journal. Comparés sur 28 jours.</translation>
    </message>
    <message>
        <source>Counting:</source>
        <translation>Décompte :</translation>
    </message>
    <message>
        <source>Counting window ends</source>
        <translation>Fin de la période de décompte</translation>
    </message>
    <message>
        <source>the visit, or YYYY-MM-DD</source>
        <translation>la visite, ou AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>The last day the figures count: the visit, or a diary&apos;s last day (YYYY-MM-DD).</source>
        <translation>Le dernier jour que comptent les valeurs : la visite, ou le dernier jour d&apos;un journal (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>Ending on:</source>
        <translation>Se terminant le :</translation>
    </message>
    <message>
        <source>Headache days</source>
        <translation>Jours de céphalée</translation>
    </message>
    <message>
        <source>Migraine days</source>
        <translation>Jours de migraine</translation>
    </message>
    <message>
        <source>Acute-medication days</source>
        <translation>Jours de traitement de crise</translation>
    </message>
    <message>
        <source>Days with diary data</source>
        <translation>Jours consignés au journal</translation>
    </message>
    <message>
        <source>Diary days</source>
        <translation>Jours du journal</translation>
    </message>
    <message>
        <source>Headache days:</source>
        <translation>Jours de céphalée :</translation>
    </message>
    <message>
        <source>Migraine days:</source>
        <translation>Jours de migraine :</translation>
    </message>
    <message>
        <source>Acute-medication days:</source>
        <translation>Jours de traitement de crise :</translation>
    </message>
    <message>
        <source>Days with diary data:</source>
        <translation>Jours consignés au journal :</translation>
    </message>
    <message>
        <source>MIDAS total</source>
        <translation>Total MIDAS</translation>
    </message>
    <message>
        <source>HIT-6 total</source>
        <translation>Total HIT-6</translation>
    </message>
    <message>
        <source>{label}, as the patient&apos;s form gives it; — = not recorded</source>
        <translation>{label}, selon le formulaire du patient; — = non consigné</translation>
    </message>
    <message>
        <source>MIDAS total:</source>
        <translation>Total MIDAS :</translation>
    </message>
    <message>
        <source>HIT-6 total:</source>
        <translation>Total HIT-6 :</translation>
    </message>
    <message>
        <source>Possible distant spread of toxin: flagged for urgent review</source>
        <translation>Diffusion possible de la toxine à distance : signalé pour une évaluation urgente</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Effets indésirables</translation>
    </message>
    <message>
        <source>Other adverse event</source>
        <translation>Autre effet indésirable</translation>
    </message>
    <message>
        <source>Other:</source>
        <translation>Autre :</translation>
    </message>
    <message>
        <source>e.g. Well tolerated</source>
        <translation>p. ex. Bien toléré</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolérance</translation>
    </message>
    <message>
        <source>Tolerance:</source>
        <translation>Tolérance :</translation>
    </message>
    <message>
        <source>Aftercare advice given</source>
        <translation>Conseils après l&apos;injection donnés</translation>
    </message>
    <message>
        <source>Aftercare</source>
        <translation>Conseils après l&apos;injection</translation>
    </message>
    <message>
        <source>Aftercare:</source>
        <translation>Conseils :</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes :</translation>
    </message>
    <message>
        <source> of {window}</source>
        <translation> sur {window}</translation>
    </message>
    <message>
        <source>Type the last day as YYYY-MM-DD (not {value!r}).</source>
        <translation>Saisissez le dernier jour sous la forme AAAA-MM-JJ (et non {value!r}).</translation>
    </message>
    <message>
        <source>The window cannot end after the visit ({isoformat}).</source>
        <translation>La période ne peut pas se terminer après la visite ({isoformat}).</translation>
    </message>
    <message>
        <source>Counting window&apos;s last day</source>
        <translation>Dernier jour de la période de décompte</translation>
    </message>
    <message>
        <source>Add adverse event {name}</source>
        <translation>Ajouter l&apos;effet indésirable {name}</translation>
    </message>
    <message>
        <source>Remove adverse event {name}</source>
        <translation>Retirer l&apos;effet indésirable {name}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>{name}; — = not recorded</source>
        <translation>{name}; — = non consigné</translation>
    </message>
</context>
<context>
    <name>OutcomeTrend</name>
    <message>
        <source>stop: not responding</source>
        <translation>arrêt : absence de réponse</translation>
    </message>
    <message>
        <source>stop: now episodic</source>
        <translation>arrêt : devenue épisodique</translation>
    </message>
    <message>
        <source>not enough data</source>
        <translation>données insuffisantes</translation>
    </message>
    <message>
        <source>Outcomes (days per 28 days at each visit)</source>
        <translation>Résultats (jours par 28 jours à chaque visite)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1565c0&apos;&gt;● headache days&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:#6a1b9a&apos;&gt;■ migraine days&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:#607d8b&apos;&gt;– – baseline&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:#c77700&apos;&gt;··· response line&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1565c0&apos;&gt;● jours de céphalée&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:#6a1b9a&apos;&gt;■ jours de migraine&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:#607d8b&apos;&gt;– – référence&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:#c77700&apos;&gt;··· seuil de réponse&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{escape}: {words}.&lt;/b&gt; {escape2}</source>
        <translation>&lt;b&gt;{escape} : {words}.&lt;/b&gt; {escape2}</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>Give sign-in</source>
        <translation>Donner un accès</translation>
    </message>
    <message>
        <source>A new password for {name}{username}. Tell them in person; they can sign in with it at once.</source>
        <translation>Un nouveau mot de passe pour {name}{username}. Communiquez-le en personne; il est utilisable immédiatement.</translation>
    </message>
    <message>
        <source> (user name {username})</source>
        <translation> (nom d&apos;utilisateur {username})</translation>
    </message>
    <message>
        <source>at least {min_password} characters</source>
        <translation>au moins {min_password} caractères</translation>
    </message>
    <message>
        <source>no spaces, e.g. cdube</source>
        <translation>sans espace, p. ex. cdube</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation>Nouveau mot de &amp;passe</translation>
    </message>
    <message>
        <source>Con&amp;firm password</source>
        <translation>Con&amp;firmer le mot de passe</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Les deux mots de passe diffèrent. Saisissez deux fois le même mot de passe.</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Edit patient</source>
        <translation>Modifier le ou la patient(e)</translation>
    </message>
    <message>
        <source>Add patient</source>
        <translation>Ajouter un(e) patient(e)</translation>
    </message>
    <message>
        <source>{date_hint} (optional)</source>
        <translation>{date_hint} (facultatif)</translation>
    </message>
    <message>
        <source>e.g. NKDA, latex</source>
        <translation>p. ex. aucune allergie connue, latex</translation>
    </message>
    <message>
        <source>e.g. marie@example.com</source>
        <translation>p. ex. marie@exemple.ca</translation>
    </message>
    <message>
        <source>e.g. French</source>
        <translation>p. ex. français</translation>
    </message>
    <message>
        <source>{date_hint} (blank: still treated)</source>
        <translation>{date_hint} (vide : toujours traité)</translation>
    </message>
    <message>
        <source>e.g. stopping rule met, patient choice</source>
        <translation>p. ex. critère d&apos;arrêt atteint, choix du patient</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>Nom de &amp;famille</translation>
    </message>
    <message>
        <source>&amp;Given names</source>
        <translation>&amp;Prénoms</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>Date de &amp;naissance</translation>
    </message>
    <message>
        <source>&amp;Chart number</source>
        <translation>N° de &amp;dossier</translation>
    </message>
    <message>
        <source>&amp;Health card</source>
        <translation>Carte d&apos;assurance &amp;maladie</translation>
    </message>
    <message>
        <source>&amp;Referring physician</source>
        <translation>&amp;Médecin référent</translation>
    </message>
    <message>
        <source>Referral &amp;date</source>
        <translation>Date de la demande de c&amp;onsultation</translation>
    </message>
    <message>
        <source>&amp;Allergies</source>
        <translation>&amp;Allergies</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;Courriel</translation>
    </message>
    <message>
        <source>Preferred &amp;language</source>
        <translation>&amp;Langue préférée</translation>
    </message>
    <message>
        <source>&amp;Treatment stopped on</source>
        <translation>&amp;Traitement arrêté le</translation>
    </message>
    <message>
        <source>Reason treatment st&amp;opped</source>
        <translation>Motif de l&apos;a&amp;rrêt</translation>
    </message>
</context>
<context>
    <name>PatientIdentity</name>
    <message>
        <source>Charted patient</source>
        <translation>Patient(e) de la fiche</translation>
    </message>
    <message>
        <source>&lt;b&gt;{escape}&lt;/b&gt; · born {isoformat} ({age_on} y) · chart # {escape2}</source>
        <translation>&lt;b&gt;{escape}&lt;/b&gt; · né(e) le {isoformat} ({age_on} ans) · dossier n° {escape2}</translation>
    </message>
    <message>
        <source>{name}, born {isoformat}, chart {chart_number}</source>
        <translation>{name}, né(e) le {isoformat}, dossier {chart_number}</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> et %n autre</numerusform>
            <numerusform> et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Similar name: {named}</source>
        <translation>⚠ Nom semblable : {named}</translation>
    </message>
    <message>
        <source>Another patient&apos;s name reads like this one. Check the date of birth and chart number with the patient before charting.
</source>
        <translation>Le nom d&apos;une autre personne ressemble à celui-ci. Vérifiez la date de naissance et le numéro de dossier avec la personne avant de saisir.
</translation>
    </message>
    <message>
        <source>{name}, born {born}, chart {chart_number}</source>
        <translation>{name}, né(e) le {born}, dossier {chart_number}</translation>
    </message>
</context>
<context>
    <name>PatientImportDialog</name>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file} : {reason}</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Le fichier</translation>
    </message>
    <message>
        <source>The import stopped because of an unexpected error ({error}). Please report it; nothing was added.</source>
        <translation>L&apos;importation s&apos;est arrêtée en raison d&apos;une erreur inattendue ({error}). Veuillez la signaler; rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <source>Import patients</source>
        <translation>Importer des patients</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message numerus="yes">
        <source>{file}: %Ln row(s).</source>
        <translation>
            <numerusform>{file} : %Ln ligne.</numerusform>
            <numerusform>{file} : %Ln lignes.</numerusform>
        </translation>
    </message>
    <message>
        <source>{to_add}; {skipped}; {refused}.</source>
        <translation>{to_add}; {skipped}; {refused}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln patient(s) to add</source>
        <translation>
            <numerusform>%Ln patient(e) à ajouter</numerusform>
            <numerusform>%Ln patients à ajouter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) skipped as duplicates (chart number, or name and date of birth, already a patient&apos;s or an earlier row&apos;s)</source>
        <translation>
            <numerusform>%Ln ligne ignorée comme doublon (numéro de dossier, ou nom et date de naissance, déjà ceux d&apos;un(e) patient(e) ou d&apos;une ligne précédente)</numerusform>
            <numerusform>%Ln lignes ignorées comme doublons (numéro de dossier, ou nom et date de naissance, déjà ceux d&apos;un(e) patient(e) ou d&apos;une ligne précédente)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) refused</source>
        <translation>
            <numerusform>%Ln ligne refusée</numerusform>
            <numerusform>%Ln lignes refusées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The refused rows are not imported. Import the %Ln valid row(s) only, or cancel, correct the file and import it again.</source>
        <translation>
            <numerusform>Les lignes refusées ne sont pas importées. Importez seulement %Ln ligne valide, ou annulez, corrigez le fichier et importez-le de nouveau.</numerusform>
            <numerusform>Les lignes refusées ne sont pas importées. Importez seulement les %Ln lignes valides, ou annulez, corrigez le fichier et importez-le de nouveau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import the %Ln valid row(s) only</source>
        <translation>
            <numerusform>&amp;Importer seulement %Ln ligne valide</numerusform>
            <numerusform>&amp;Importer seulement les %Ln lignes valides</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln patient(s)</source>
        <translation>
            <numerusform>&amp;Importer %Ln patient(e)</numerusform>
            <numerusform>&amp;Importer %Ln patients</numerusform>
        </translation>
    </message>
    <message>
        <source>There is nobody to add.</source>
        <translation>Il n&apos;y a personne à ajouter.</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorée</translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln patient(s)…</source>
        <translation>
            <numerusform>Importation de %Ln patient(e)…</numerusform>
            <numerusform>Importation de %Ln patients…</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: nothing was imported.</source>
        <translation>{file} : rien n&apos;a été importé.</translation>
    </message>
</context>
<context>
    <name>PatientListModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Chart #</source>
        <translation>N° de dossier</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>Find: name, chart # or YYYY-MM-DD</source>
        <translation>Rechercher : nom, n° de dossier ou AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Find patient</source>
        <translation>Rechercher un(e) patient(e)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln patient(s)</source>
        <translation>
            <numerusform>%Ln patient(e)</numerusform>
            <numerusform>%Ln patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln patient(s)</source>
        <translation>
            <numerusform>{shown} sur %Ln patient(e)</numerusform>
            <numerusform>{shown} sur %Ln patients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>Zoom arrière (Ctrl+−)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zoom avant (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajuster à la largeur</translation>
    </message>
    <message>
        <source>Fit the page to the window width (Ctrl+0)</source>
        <translation>Ajuster la page à la largeur de la fenêtre (Ctrl+0)</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Save these pages as a PDF file (Ctrl+S)</source>
        <translation>Enregistrer ces pages dans un fichier PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Print these pages (Ctrl+P)</source>
        <translation>Imprimer ces pages (Ctrl+P)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>FHIR bundles (*.json)</source>
        <translation>Bundles FHIR (*.json)</translation>
    </message>
    <message>
        <source>Due list</source>
        <translation>Liste des échéances</translation>
    </message>
    <message>
        <source>FHIR bundle</source>
        <translation>Bundle FHIR</translation>
    </message>
    <message numerus="yes">
        <source>%n procedure note(s)</source>
        <translation>
            <numerusform>%n note d&apos;intervention</numerusform>
            <numerusform>%n notes d&apos;intervention</numerusform>
        </translation>
    </message>
    <message>
        <source>Procedure note</source>
        <translation>Note d&apos;intervention</translation>
    </message>
    <message>
        <source>Treatment record</source>
        <translation>Dossier de traitement</translation>
    </message>
    <message>
        <source>Continuation letter</source>
        <translation>Lettre de poursuite du traitement</translation>
    </message>
    <message>
        <source>Clinic outcomes report</source>
        <translation>Rapport des résultats de la clinique</translation>
    </message>
    <message>
        <source>Lot recall list</source>
        <translation>Liste de rappel de lot</translation>
    </message>
    <message>
        <source>Preparing {document}…</source>
        <translation>Préparation : {document}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>{missing_message}

Continue anyway?</source>
        <translation>{missing_message}

Continuer quand même?</translation>
    </message>
    <message>
        <source>{title}: print preview</source>
        <translation>{title} : aperçu avant impression</translation>
    </message>
    <message>
        <source>The printer could not be started. Check it is on and try again.</source>
        <translation>L&apos;imprimante n&apos;a pas pu démarrer. Vérifiez qu&apos;elle est allumée et réessayez.</translation>
    </message>
    <message>
        <source>Printing {document}…</source>
        <translation>Impression : {document}…</translation>
    </message>
    <message>
        <source>Printing page {value} of {count}…</source>
        <translation>Impression de la page {value} sur {count}…</translation>
    </message>
    <message>
        <source>Save {document} as {kind}</source>
        <translation>Enregistrer « {document} » en {kind}</translation>
    </message>
    <message>
        <source>Not saved: {path} already exists. Choose it by its full name to replace it, or choose another name.</source>
        <translation>Non enregistré : {path} existe déjà. Choisissez-le par son nom complet pour le remplacer, ou choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Not saved. {err}</source>
        <translation>Non enregistré. {err}</translation>
    </message>
    <message>
        <source>Not saved: the export could not be written to the audit log: {err}</source>
        <translation>Non enregistré : l&apos;exportation n&apos;a pas pu être inscrite au journal de vérification : {err}</translation>
    </message>
    <message>
        <source>Cannot save {path}: {strerror}.</source>
        <translation>Impossible d&apos;enregistrer {path} : {strerror}.</translation>
    </message>
    <message>
        <source>Done, but it could not be written to the audit log: {err}</source>
        <translation>Terminé, mais l&apos;opération n&apos;a pas pu être inscrite au journal de vérification : {err}</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <source>Product &amp;&amp; dilution</source>
        <translation>Produit et dilution</translation>
    </message>
    <message>
        <source>Diagnosis (ICD-10)</source>
        <translation>Diagnostic (CIM-10)</translation>
    </message>
    <message>
        <source>&amp;Diagnosis:</source>
        <translation>&amp;Diagnostic :</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>Modifier le produit</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produit :</translation>
    </message>
    <message>
        <source>DIN (Canada) or NDC (US)</source>
        <translation>DIN (Canada) ou NDC (É.-U.)</translation>
    </message>
    <message>
        <source>Edit DIN/NDC</source>
        <translation>Modifier le DIN/NDC</translation>
    </message>
    <message>
        <source>DIN/NDC:</source>
        <translation>DIN/NDC :</translation>
    </message>
    <message>
        <source>Saline per 200 U vial:</source>
        <translation>Solution saline par fiole de 200 U :</translation>
    </message>
    <message>
        <source>Change needle</source>
        <translation>Changer d&apos;aiguille</translation>
    </message>
    <message>
        <source>Needle:</source>
        <translation>Aiguille :</translation>
    </message>
    <message>
        <source>Saline per {vial_units} U vial:</source>
        <translation>Solution saline par fiole de {vial_units} U :</translation>
    </message>
    <message>
        <source>{format_units} U per 0.1 mL · {format_units2} U site = {per_site} mL · {units_opened} U opened</source>
        <translation>{format_units} U par 0,1 mL · site de {format_units2} U = {per_site} mL · {units_opened} U ouvertes</translation>
    </message>
    <message>
        <source>Diagnosis {code}</source>
        <translation>Diagnostic {code}</translation>
    </message>
    <message>
        <source>Change saline</source>
        <translation>Modifier la solution saline</translation>
    </message>
</context>
<context>
    <name>RecordCommands</name>
    <message>
        <source>Print</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Patient record</source>
        <translation>Dossier du patient</translation>
    </message>
    <message>
        <source>Export for EHR</source>
        <translation>Exportation pour le DMÉ</translation>
    </message>
    <message>
        <source>Clinic outcomes report</source>
        <translation>Rapport des résultats de la clinique</translation>
    </message>
    <message>
        <source>Due list</source>
        <translation>Liste des échéances</translation>
    </message>
    <message>
        <source>Lot recall</source>
        <translation>Rappel de lot</translation>
    </message>
    <message>
        <source>That patient is not in the patient list yet: View › Refresh (F5).</source>
        <translation>Cette personne n&apos;est pas encore dans la liste des patients : Affichage › Actualiser (F5).</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Piste de vérification</translation>
    </message>
</context>
<context>
    <name>RoleNames</name>
    <message>
        <source>injector</source>
        <translation>injecteur(-trice)</translation>
    </message>
    <message>
        <source>physician</source>
        <translation>médecin</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>personnel</translation>
    </message>
</context>
<context>
    <name>ScreenForm</name>
    <message>
        <source>Consent obtained · no contraindications</source>
        <translation>Consentement obtenu · aucune contre-indication</translation>
    </message>
    <message>
        <source>Consent obtained, no contraindications</source>
        <translation>Consentement obtenu, aucune contre-indication</translation>
    </message>
    <message>
        <source>Record consent and answer every contraindication absent, as one undo step</source>
        <translation>Consigner le consentement et indiquer toutes les contre-indications absentes, en une seule étape d&apos;annulation</translation>
    </message>
    <message>
        <source>A contraindication is recorded present: answer the screen one by one</source>
        <translation>Une contre-indication est consignée comme présente : répondez au dépistage question par question</translation>
    </message>
    <message>
        <source>Recorded present: {present}. Change that answer by hand if it is wrong.</source>
        <translation>Consigné comme présent : {present}. Modifiez cette réponse à la main si elle est erronée.</translation>
    </message>
    <message>
        <source>Consent &amp;&amp; screen</source>
        <translation>Consentement et dépistage</translation>
    </message>
    <message>
        <source>Consent obtained</source>
        <translation>Consentement obtenu</translation>
    </message>
    <message>
        <source>Contraindications</source>
        <translation>Contre-indications</translation>
    </message>
    <message>
        <source>None present</source>
        <translation>Aucune présente</translation>
    </message>
    <message>
        <source>Answer every contraindication as absent</source>
        <translation>Indiquer toutes les contre-indications comme absentes</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absente</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présente</translation>
    </message>
    <message>
        <source>{name}: absent</source>
        <translation>{name} : absente</translation>
    </message>
    <message>
        <source>{name}: present</source>
        <translation>{name} : présente</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Consigner le consentement</translation>
    </message>
    <message>
        <source>Clear consent</source>
        <translation>Effacer le consentement</translation>
    </message>
    <message>
        <source>Screen: {name} present</source>
        <translation>Dépistage : {name} présente</translation>
    </message>
    <message>
        <source>Screen: {name} absent</source>
        <translation>Dépistage : {name} absente</translation>
    </message>
    <message>
        <source>No contraindications present</source>
        <translation>Aucune contre-indication présente</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>This session is signed and cannot be changed: add an addendum instead (Session › Add addendum, Ctrl+Shift+D).</source>
        <translation>Cette séance est signée et ne peut plus être modifiée : ajoutez plutôt un addenda (Séance › Ajouter un addenda, Ctrl+Shift+D).</translation>
    </message>
    <message>
        <source>Signed in as staff: sessions can be viewed and printed; charting, signing and addenda need an injector or a physician.</source>
        <translation>Connecté(e) en tant que personnel : les séances peuvent être consultées et imprimées; la saisie, la signature et les addendas demandent un injecteur ou un médecin.</translation>
    </message>
    <message>
        <source>No session open. Start or open one from the patient&apos;s sessions.</source>
        <translation>Aucune séance ouverte. Commencez-en une ou ouvrez-en une parmi les séances de la personne.</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Fermer sans enregistrer?</translation>
    </message>
    <message>
        <source>The latest changes to this draft are not saved. Close it anyway and lose them?</source>
        <translation>Les dernières modifications de ce brouillon ne sont pas enregistrées. Le fermer quand même et les perdre?</translation>
    </message>
    <message>
        <source>Apply {name}</source>
        <translation>Appliquer {name}</translation>
    </message>
    <message>
        <source>Applied {name}: {total} U. Undo takes it back.</source>
        <translation>{name} appliqué : {total} U. Annuler revient en arrière.</translation>
    </message>
    <message>
        <source>{name} is already applied.</source>
        <translation>{name} est déjà appliqué.</translation>
    </message>
    <message>
        <source>Add vial</source>
        <translation>Ajouter une fiole</translation>
    </message>
    <message>
        <source>Scan the carton for vial {value}, or type its lot.</source>
        <translation>Lisez la boîte de la fiole {value} ou saisissez son lot.</translation>
    </message>
    <message>
        <source>Recorded consent and no contraindications. Undo takes it back.</source>
        <translation>Consentement et absence de contre-indication consignés. Annuler revient en arrière.</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Non signée</translation>
    </message>
    <message>
        <source>Choose who you are before signing.</source>
        <translation>Indiquez qui vous êtes avant de signer.</translation>
    </message>
    <message>
        <source>The latest changes are not saved yet; save them first.</source>
        <translation>Les dernières modifications ne sont pas encore enregistrées; enregistrez-les d&apos;abord.</translation>
    </message>
    <message numerus="yes">
        <source>{units} U at %n site(s)</source>
        <translation>
            <numerusform>{units} U en %n site</numerusform>
            <numerusform>{units} U en %n sites</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed.</source>
        <translation>Non signée.</translation>
    </message>
    <message>
        <source>Signed. The session is now read-only; add to it with an addendum.</source>
        <translation>Signée. La séance est maintenant en lecture seule; complétez-la avec un addenda.</translation>
    </message>
    <message>
        <source>No session is open.</source>
        <translation>Aucune séance n&apos;est ouverte.</translation>
    </message>
    <message>
        <source>Add addendum</source>
        <translation>Ajouter un addenda</translation>
    </message>
    <message>
        <source>Addenda are for signed sessions; edit this draft instead.</source>
        <translation>Les addendas sont réservés aux séances signées; modifiez plutôt ce brouillon.</translation>
    </message>
    <message>
        <source>Addendum not added</source>
        <translation>Addenda non ajouté</translation>
    </message>
    <message>
        <source>Choose who you are first.</source>
        <translation>Indiquez d&apos;abord qui vous êtes.</translation>
    </message>
    <message>
        <source>Addendum added.</source>
        <translation>Addenda ajouté.</translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation>Impossible d&apos;ouvrir la séance</translation>
    </message>
    <message>
        <source>This record does not match its signature</source>
        <translation>Ce dossier ne correspond pas à sa signature</translation>
    </message>
    <message>
        <source>It was changed outside botox-chart after it was signed. Its note says so on every page; tell the clinic&apos;s administrator (botox-chart verify lists every record affected).

</source>
        <translation>Il a été modifié hors de botox-chart après sa signature. Sa note l&apos;indique sur chaque page; avisez l&apos;administrateur de la clinique (botox-chart verify liste tous les dossiers touchés).

</translation>
    </message>
    <message>
        <source>Unsigned draft · view only (staff)</source>
        <translation>Brouillon non signé · consultation seulement (personnel)</translation>
    </message>
    <message>
        <source>Select a site first: click it, or press → on the diagram.</source>
        <translation>Sélectionnez d&apos;abord un site : cliquez dessus, ou appuyez sur → dans le schéma.</translation>
    </message>
    <message>
        <source>Apply protocol</source>
        <translation>Appliquer le protocole</translation>
    </message>
    <message>
        <source>Chart every standard site at its dose</source>
        <translation>Inscrire chaque site standard à sa dose</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Signer…</translation>
    </message>
    <message>
        <source>Sign the session (it becomes final)</source>
        <translation>Signer la séance (elle devient définitive)</translation>
    </message>
    <message>
        <source>Add addendum…</source>
        <translation>Ajouter un addenda…</translation>
    </message>
    <message>
        <source>Add to the signed session</source>
        <translation>Compléter la séance signée</translation>
    </message>
    <message>
        <source>One unit less</source>
        <translation>Une unité de moins</translation>
    </message>
    <message>
        <source>One unit more</source>
        <translation>Une unité de plus</translation>
    </message>
    <message>
        <source>Omit…</source>
        <translation>Omettre…</translation>
    </message>
    <message>
        <source>Omit the selected protocol site, with a reason</source>
        <translation>Omettre le site du protocole sélectionné, avec une raison</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected added (follow-the-pain or custom) site</source>
        <translation>Retirer le site ajouté sélectionné (selon la douleur ou personnalisé)</translation>
    </message>
    <message>
        <source>, expires {isoformat}</source>
        <translation>, périme le {isoformat}</translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <source>Born {isoformat} ({age})</source>
        <translation>Né(e) le {isoformat} ({age})</translation>
    </message>
    <message>
        <source>Chart # {chart_number}</source>
        <translation>Dossier n° {chart_number}</translation>
    </message>
    <message>
        <source>Phone {phone}</source>
        <translation>Tél. {phone}</translation>
    </message>
    <message>
        <source>Health card {health_card}</source>
        <translation>Carte d&apos;assurance maladie {health_card}</translation>
    </message>
    <message>
        <source>Referred by {referring_physician}</source>
        <translation>Orienté(e) par {referring_physician}</translation>
    </message>
    <message>
        <source> on {date}</source>
        <translation> le {date}</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Injector</source>
        <translation>Injecteur(-trice)</translation>
    </message>
    <message numerus="yes">
        <source>{units} at %n site(s)</source>
        <translation>
            <numerusform>{units} en %n site</numerusform>
            <numerusform>{units} en %n sites</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsigned draft</source>
        <translation>Brouillon non signé</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signée</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Pas encore signée</translation>
    </message>
    <message>
        <source>Overdue: was due {due}</source>
        <translation>En retard : échéance le {due}</translation>
    </message>
    <message>
        <source>{due} OVERDUE</source>
        <translation>{due} EN RETARD</translation>
    </message>
    <message>
        <source>Due on or after {due} (12 weeks)</source>
        <translation>Échéance le {due} ou après (12 semaines)</translation>
    </message>
</context>
<context>
    <name>SessionListPanel</name>
    <message>
        <source>No patient selected</source>
        <translation>Aucun(e) patient(e) sélectionné(e)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Find a patient on the left, or add one (Ctrl+Shift+N).</source>
        <translation>Recherchez une personne à gauche, ou ajoutez-en une (Ctrl+Shift+N).</translation>
    </message>
    <message>
        <source>Treatment stopped on {isoformat} ({treatment_stopped_reason})</source>
        <translation>Traitement arrêté le {isoformat} ({treatment_stopped_reason})</translation>
    </message>
    <message>
        <source>Allergies: {allergies}</source>
        <translation>Allergies : {allergies}</translation>
    </message>
    <message>
        <source>Allergies: none recorded</source>
        <translation>Allergies : aucune consignée</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Aucune séance pour l&apos;instant.</translation>
    </message>
    <message numerus="yes">
        <source>Next due {date}: OVERDUE by %n day(s)</source>
        <translation>
            <numerusform>Prochaine échéance le {date} : EN RETARD de %n jour</numerusform>
            <numerusform>Prochaine échéance le {date} : EN RETARD de %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Next due {isoformat} (12 weeks)</source>
        <translation>Prochaine échéance le {isoformat} (12 semaines)</translation>
    </message>
    <message>
        <source>A draft is open: sign it to set the next due date.</source>
        <translation>Un brouillon est ouvert : signez-le pour fixer la prochaine échéance.</translation>
    </message>
</context>
<context>
    <name>SessionLoading</name>
    <message>
        <source>Unknown patient</source>
        <translation>Patient(e) inconnu(e)</translation>
    </message>
    <message>
        <source>Signed {when} by {name}</source>
        <translation>Signée le {when} par {name}</translation>
    </message>
    <message>
        <source>, supervised by {name}</source>
        <translation>, sous la supervision de {name}</translation>
    </message>
    <message>
        <source> · fingerprint {fingerprint}</source>
        <translation> · empreinte {fingerprint}</translation>
    </message>
    <message>
        <source> · read-only</source>
        <translation> · lecture seule</translation>
    </message>
    <message>
        <source> · DOES NOT MATCH ITS SIGNATURE</source>
        <translation> · NE CORRESPOND PAS À SA SIGNATURE</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Before signing</source>
        <translation>Avant de signer</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign session</source>
        <translation>Signer la séance</translation>
    </message>
    <message>
        <source>Fix before signing ({count}):</source>
        <translation>À corriger avant de signer ({count}) :</translation>
    </message>
    <message>
        <source>Tick each warning to acknowledge it ({count}):</source>
        <translation>Cochez chaque avertissement pour le confirmer ({count}) :</translation>
    </message>
    <message>
        <source>Charted:</source>
        <translation>Inscrit :</translation>
    </message>
    <message>
        <source>&lt;b&gt;{escape}&lt;/b&gt;: check it against the vial</source>
        <translation>&lt;b&gt;{escape}&lt;/b&gt; : vérifiez-le sur la fiole</translation>
    </message>
    <message>
        <source>Lot:</source>
        <translation>Lot :</translation>
    </message>
    <message>
        <source>Signing as:</source>
        <translation>Signataire :</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Supervising physician:</source>
        <translation>Médecin superviseur :</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signer</translation>
    </message>
    <message numerus="yes">
        <source>This session cannot be signed yet: %n problem(s) must be fixed in the chart first.</source>
        <translation>
            <numerusform>Cette séance ne peut pas encore être signée : %n problème doit d&apos;abord être corrigé dans la fiche.</numerusform>
            <numerusform>Cette séance ne peut pas encore être signée : %n problèmes doivent d&apos;abord être corrigés dans la fiche.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %n warning(s) to sign. A signed session cannot be changed, only added to with an addendum.</source>
        <translation>
            <numerusform>Confirmez %n avertissement pour signer. Une séance signée ne peut plus être modifiée, seulement complétée par un addenda.</numerusform>
            <numerusform>Confirmez %n avertissements pour signer. Une séance signée ne peut plus être modifiée, seulement complétée par un addenda.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to sign. A signed session cannot be changed, only added to with an addendum.</source>
        <translation>Prête à signer. Une séance signée ne peut plus être modifiée, seulement complétée par un addenda.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The database could not be opened. {message}</source>
        <translation>La base de données n&apos;a pas pu être ouverte. {message}</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Nom d&apos;utilisateur ou mot de passe erroné.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>S&amp;witch user</source>
        <translation>Changer d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>Sign in as someone else (the open chart is saved)</source>
        <translation>Se connecter sous un autre nom (la fiche ouverte est enregistrée)</translation>
    </message>
    <message>
        <source>&amp;Create the first administrator…</source>
        <translation>&amp;Créer le premier administrateur…</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Sign in to chart, view and print.</source>
        <translation>Connectez-vous pour saisir, consulter et imprimer.</translation>
    </message>
    <message>
        <source>Locked after a pause</source>
        <translation>Verrouillé après une pause</translation>
    </message>
    <message>
        <source>Locked by {name}</source>
        <translation>Verrouillé par {name}</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>{why}, to keep patient information private. {name}: enter your password to go on, or switch user.</source>
        <translation>{why}, pour protéger les renseignements des patients. {name} : saisissez votre mot de passe pour continuer, ou changez d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>Welcome to botox-chart</source>
        <translation>Bienvenue dans botox-chart</translation>
    </message>
    <message>
        <source>Nobody can sign in yet: create the first administrator, who then adds the clinic&apos;s injectors, physicians and staff.</source>
        <translation>Personne ne peut encore se connecter : créez le premier administrateur, qui ajoutera ensuite les injecteurs, les médecins et le personnel de la clinique.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Saisissez votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <source>Right</source>
        <translation>Droit</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Midline</source>
        <translation>Ligne médiane</translation>
    </message>
    <message>
        <source>right {muscle}</source>
        <translation>{muscle} droit</translation>
    </message>
    <message>
        <source>left {muscle}</source>
        <translation>{muscle} gauche</translation>
    </message>
    <message>
        <source>Masseter</source>
        <translation>Masséter</translation>
    </message>
    <message>
        <source>Splenius capitis</source>
        <translation>Splénius de la tête</translation>
    </message>
    <message>
        <source>Sternocleidomastoid</source>
        <translation>Sterno-cléido-mastoïdien</translation>
    </message>
    <message>
        <source>Levator scapulae</source>
        <translation>Élévateur de la scapula</translation>
    </message>
    <message>
        <source>Add a custom site</source>
        <translation>Ajouter un site personnalisé</translation>
    </message>
    <message>
        <source>e.g. Masseter</source>
        <translation>p. ex. Masséter</translation>
    </message>
    <message>
        <source>e.g. Right masseter</source>
        <translation>p. ex. Masséter droit</translation>
    </message>
    <message>
        <source>e.g. 5</source>
        <translation>p. ex. 5</translation>
    </message>
    <message>
        <source>&amp;Muscle:</source>
        <translation>&amp;Muscle :</translation>
    </message>
    <message>
        <source>&amp;Side:</source>
        <translation>&amp;Côté :</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
    <message>
        <source>&amp;Units:</source>
        <translation>&amp;Unités :</translation>
    </message>
    <message>
        <source>Add site</source>
        <translation>Ajouter le site</translation>
    </message>
    <message>
        <source>Say which muscle the site is in.</source>
        <translation>Indiquez le muscle du site.</translation>
    </message>
    <message>
        <source>Give the site a label.</source>
        <translation>Donnez un libellé au site.</translation>
    </message>
</context>
<context>
    <name>SiteMarker</name>
    <message>
        <source>right side</source>
        <translation>côté droit</translation>
    </message>
    <message>
        <source>left side</source>
        <translation>côté gauche</translation>
    </message>
    <message>
        <source>midline</source>
        <translation>ligne médiane</translation>
    </message>
    <message>
        <source>Pending: not injected yet</source>
        <translation>En attente : pas encore injecté</translation>
    </message>
    <message>
        <source>Injected</source>
        <translation>Injecté</translation>
    </message>
    <message>
        <source>Omitted</source>
        <translation>Omis</translation>
    </message>
    <message>
        <source>Follow-the-pain site (injected)</source>
        <translation>Site selon la douleur (injecté)</translation>
    </message>
    <message>
        <source>Custom site (injected)</source>
        <translation>Site personnalisé (injecté)</translation>
    </message>
    <message>
        <source>? mL (dilution incomplete)</source>
        <translation>? mL (dilution incomplète)</translation>
    </message>
    <message>
        <source>Site {number}: {label}</source>
        <translation>Site {number} : {label}</translation>
    </message>
</context>
<context>
    <name>TotalsView</name>
    <message>
        <source>R</source>
        <translation>D</translation>
    </message>
    <message>
        <source>L</source>
        <translation>G</translation>
    </message>
    <message>
        <source>mid</source>
        <translation>méd.</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totaux</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Muscle</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Donné</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>Std</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Permis</translation>
    </message>
    <message numerus="yes">
        <source>of {standard} U standard · max {most} U
%n site(s)</source>
        <translation>
            <numerusform>sur {standard} U standard · max. {most} U
%n site</numerusform>
            <numerusform>sur {standard} U standard · max. {most} U
%n sites</numerusform>
        </translation>
    </message>
    <message>
        <source>{muscle} (custom)</source>
        <translation>{muscle} (personnalisé)</translation>
    </message>
    <message>
        <source>Nothing charted</source>
        <translation>Rien d&apos;inscrit</translation>
    </message>
    <message>
        <source>Charted {format_units} U but the opened vials hold {opened} U</source>
        <translation>{format_units} U inscrites, mais les fioles ouvertes contiennent {opened} U</translation>
    </message>
    <message>
        <source>Wasted: {format_units} U of {opened} U opened (J0585-JW)</source>
        <translation>Perte : {format_units} U sur {opened} U ouvertes (J0585-JW)</translation>
    </message>
    <message>
        <source>No waste: all {opened} U given (JZ)</source>
        <translation>Aucune perte : les {opened} U ont toutes été administrées (JZ)</translation>
    </message>
    <message>
        <source>lot not recorded</source>
        <translation>lot non consigné</translation>
    </message>
    <message>
        <source>Vial {n} ({lot}, {units} U): {format_units} U drawn, {format_units2} U wasted</source>
        <translation>Fiole {n} ({lot}, {units} U) : {format_units} U prélevées, {format_units2} U perdues</translation>
    </message>
    <message numerus="yes">
        <source>%n protocol site(s) not charted yet</source>
        <translation>
            <numerusform>%n site du protocole pas encore inscrit</numerusform>
            <numerusform>%n sites du protocole pas encore inscrits</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes from protocol:
</source>
        <translation>Écarts par rapport au protocole :
</translation>
    </message>
    <message>
        <source>Standard protocol, no changes.</source>
        <translation>Protocole standard, sans écart.</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>No visit figures yet</source>
        <translation>Aucune donnée de visite pour l&apos;instant</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>référence</translation>
    </message>
    <message>
        <source>response line</source>
        <translation>seuil de réponse</translation>
    </message>
</context>
<context>
    <name>VialRow</name>
    <message>
        <source>Vial {number}</source>
        <translation>Fiole {number}</translation>
    </message>
    <message>
        <source>Vial {number} lot</source>
        <translation>Lot de la fiole {number}</translation>
    </message>
    <message>
        <source>Vial {number} expiry</source>
        <translation>Péremption de la fiole {number}</translation>
    </message>
    <message>
        <source>Expiry, e.g. 2027-06</source>
        <translation>Péremption, p. ex. 2027-06</translation>
    </message>
    <message>
        <source>The expiry as on the vial: 2027-06-30, 2027-06 or 06/2027</source>
        <translation>La péremption comme sur la fiole : 2027-06-30, 2027-06 ou 06/2027</translation>
    </message>
    <message>
        <source>Vial {number} size</source>
        <translation>Format de la fiole {number}</translation>
    </message>
    <message>
        <source>Vial {number} units drawn</source>
        <translation>Unités prélevées de la fiole {number}</translation>
    </message>
    <message>
        <source>Units drawn from this vial. Left blank, the units charted are taken from the vials in order (shown greyed).</source>
        <translation>Unités prélevées de cette fiole. Laissé vide, les unités inscrites sont puisées dans les fioles dans l&apos;ordre (affichées en gris).</translation>
    </message>
    <message>
        <source>Remove vial {number}</source>
        <translation>Retirer la fiole {number}</translation>
    </message>
</context>
<context>
    <name>VialsForm</name>
    <message>
        <source>The product was not checked: no product GTINs are set in Clinic settings (an administrator adds them).</source>
        <translation>Le produit n&apos;a pas été vérifié : aucun GTIN de produit n&apos;est défini dans les Paramètres de la clinique (un administrateur les ajoute).</translation>
    </message>
    <message>
        <source>Refused: GTIN {gtin} on this carton is not one of the clinic&apos;s products, so nothing was filled. If it is the product you use, an administrator can add it in Clinic settings.</source>
        <translation>Refusé : le GTIN {gtin} de cette boîte n&apos;est pas l&apos;un des produits de la clinique; rien n&apos;a été rempli. S&apos;il s&apos;agit bien du produit que vous utilisez, un administrateur peut l&apos;ajouter dans les Paramètres de la clinique.</translation>
    </message>
    <message>
        <source>&amp;Add vial</source>
        <translation>&amp;Ajouter une fiole</translation>
    </message>
    <message>
        <source>Record one more vial opened (its lot, expiry and size)</source>
        <translation>Consigner une fiole ouverte de plus (son lot, sa péremption et son format)</translation>
    </message>
    <message>
        <source>Add vial</source>
        <translation>Ajouter une fiole</translation>
    </message>
    <message>
        <source>Remove vial {value}</source>
        <translation>Retirer la fiole {value}</translation>
    </message>
    <message>
        <source>Edit lot of vial {value}</source>
        <translation>Modifier le lot de la fiole {value}</translation>
    </message>
    <message>
        <source>Pick lot {lot} for vial {value}</source>
        <translation>Choisir le lot {lot} pour la fiole {value}</translation>
    </message>
    <message>
        <source>Vial {value}: {err}</source>
        <translation>Fiole {value} : {err}</translation>
    </message>
    <message>
        <source>Set expiry of vial {value}</source>
        <translation>Définir la péremption de la fiole {value}</translation>
    </message>
    <message>
        <source>Vial {value}: {size} U</source>
        <translation>Fiole {value} : {size} U</translation>
    </message>
    <message>
        <source>Units drawn from vial {value}</source>
        <translation>Unités prélevées de la fiole {value}</translation>
    </message>
    <message>
        <source>This carton&apos;s code holds no lot (10): type the lot from the carton.</source>
        <translation>Le code de cette boîte ne contient pas de lot (10) : saisissez le lot inscrit sur la boîte.</translation>
    </message>
    <message>
        <source>Scan carton into vial {value}</source>
        <translation>Lire la boîte dans la fiole {value}</translation>
    </message>
    <message>
        <source>, expiry {isoformat}</source>
        <translation>, péremption {isoformat}</translation>
    </message>
    <message>
        <source>; the code has no expiry: type it</source>
        <translation>; le code ne contient pas de péremption : saisissez-la</translation>
    </message>
    <message>
        <source>Vial {value}: lot {lot}{when}, from the carton.</source>
        <translation>Fiole {value} : lot {lot}{when}, d&apos;après la boîte.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>{base}. Not available: {why}</source>
        <translation>{base}. Non disponible : {why}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Aperçu avant impression…</translation>
    </message>
    <message>
        <source>Preview the selected sessions&apos; notes</source>
        <translation>Aperçu des notes des séances sélectionnées</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print the selected sessions&apos; notes</source>
        <translation>Imprimer les notes des séances sélectionnées</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <source>Save the selected sessions&apos; notes as PDF</source>
        <translation>Enregistrer les notes des séances sélectionnées en PDF</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Aperçu…</translation>
    </message>
    <message>
        <source>Preview the patient&apos;s treatment record</source>
        <translation>Aperçu du dossier de traitement de la personne</translation>
    </message>
    <message>
        <source>Print the patient&apos;s treatment record</source>
        <translation>Imprimer le dossier de traitement de la personne</translation>
    </message>
    <message>
        <source>Save the patient&apos;s treatment record as PDF</source>
        <translation>Enregistrer le dossier de traitement de la personne en PDF</translation>
    </message>
    <message>
        <source>Preview the patient&apos;s continuation letter for an insurer or referring physician</source>
        <translation>Aperçu de la lettre de poursuite du traitement pour un assureur ou le médecin référent</translation>
    </message>
    <message>
        <source>Print the patient&apos;s continuation letter</source>
        <translation>Imprimer la lettre de poursuite du traitement</translation>
    </message>
    <message>
        <source>Save the patient&apos;s continuation letter as PDF</source>
        <translation>Enregistrer la lettre de poursuite du traitement en PDF</translation>
    </message>
    <message>
        <source>Clinic &amp;outcomes report…</source>
        <translation>Rapport des &amp;résultats de la clinique…</translation>
    </message>
    <message>
        <source>The share of patients with 30%, 50% and 75% fewer headache days after their 2nd and 3rd treatments</source>
        <translation>La proportion de patients ayant 30 %, 50 % et 75 % moins de jours de céphalée après leurs 2e et 3e traitements</translation>
    </message>
    <message>
        <source>&amp;Import patients…</source>
        <translation>Imp&amp;orter des patients…</translation>
    </message>
    <message>
        <source>Add the patients of a CSV file (a spreadsheet&apos;s patient list), previewed first</source>
        <translation>Ajouter les patients d&apos;un fichier CSV (la liste de patients d&apos;un tableur), après un aperçu</translation>
    </message>
    <message>
        <source>Clini&amp;cians…</source>
        <translation>&amp;Cliniciens…</translation>
    </message>
    <message>
        <source>Add clinicians, reset a password, deactivate (administrators)</source>
        <translation>Ajouter des cliniciens, réinitialiser un mot de passe, désactiver (administrateurs)</translation>
    </message>
    <message>
        <source>Clinic &amp;settings…</source>
        <translation>Para&amp;mètres de la clinique…</translation>
    </message>
    <message>
        <source>Clinic name, address, billing, idle lock</source>
        <translation>Nom, adresse et facturation de la clinique, verrouillage après inactivité</translation>
    </message>
    <message>
        <source>&amp;Encrypt database…</source>
        <translation>C&amp;hiffrer la base de données…</translation>
    </message>
    <message>
        <source>Encrypt a database made by the first release, and its backups (administrators)</source>
        <translation>Chiffrer une base de données créée par la première version, et ses sauvegardes (administrateurs)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Hide patient information until you type your password</source>
        <translation>Masquer les renseignements des patients jusqu&apos;à la saisie de votre mot de passe</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>Changer d&apos;&amp;utilisateur…</translation>
    </message>
    <message>
        <source>Sign out and let someone else sign in (the chart is saved)</source>
        <translation>Se déconnecter et laisser une autre personne se connecter (la fiche est enregistrée)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se décon&amp;necter</translation>
    </message>
    <message>
        <source>Sign out (the open chart is saved and closed)</source>
        <translation>Se déconnecter (la fiche ouverte est enregistrée et fermée)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Close botox-chart</source>
        <translation>Fermer botox-chart</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>Rec&amp;hercher un(e) patient(e)</translation>
    </message>
    <message>
        <source>Go to the search box</source>
        <translation>Aller à la zone de recherche</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>&amp;Nouvelle séance</translation>
    </message>
    <message>
        <source>Start a session for the selected patient</source>
        <translation>Commencer une séance pour la personne sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Repeat last session</source>
        <translation>&amp;Reprendre la dernière séance</translation>
    </message>
    <message>
        <source>Start a session with the pattern of the patient&apos;s last signed session</source>
        <translation>Commencer une séance selon le schéma de la dernière séance signée de la personne</translation>
    </message>
    <message>
        <source>&amp;Open session</source>
        <translation>Ou&amp;vrir la séance</translation>
    </message>
    <message>
        <source>Open the selected session (Enter)</source>
        <translation>Ouvrir la séance sélectionnée (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation>&amp;Fermer la séance</translation>
    </message>
    <message>
        <source>Close the chart</source>
        <translation>Fermer la fiche</translation>
    </message>
    <message>
        <source>Apply &amp;protocol</source>
        <translation>Appliquer le &amp;protocole</translation>
    </message>
    <message>
        <source>Chart every standard site at 5 U (155 U)</source>
        <translation>Inscrire chaque site standard à 5 U (155 U)</translation>
    </message>
    <message>
        <source>Consent obtained · no contra&amp;indications</source>
        <translation>Consentement obtenu · aucune contre-&amp;indication</translation>
    </message>
    <message>
        <source>Record consent and every contraindication absent, as one undo step</source>
        <translation>Consigner le consentement et toutes les contre-indications absentes, en une seule étape d&apos;annulation</translation>
    </message>
    <message>
        <source>Scan a carton&apos;s &amp;barcode</source>
        <translation>Lire le &amp;code-barres d&apos;une boîte</translation>
    </message>
    <message>
        <source>Put the cursor in the lot field of the first vial without a lot (a vial is added when every one has a lot), ready for the barcode scanner</source>
        <translation>Placer le curseur dans le champ Lot de la première fiole sans lot (une fiole est ajoutée si toutes en ont un), prêt pour le lecteur de code-barres</translation>
    </message>
    <message>
        <source>in the chart</source>
        <translation>dans la fiche</translation>
    </message>
    <message>
        <source>&amp;Mark current site</source>
        <translation>&amp;Marquer le site courant</translation>
    </message>
    <message>
        <source>Ne&amp;xt site</source>
        <translation>Site s&amp;uivant</translation>
    </message>
    <message>
        <source>Pre&amp;vious site</source>
        <translation>Site précé&amp;dent</translation>
    </message>
    <message>
        <source>Units &amp;up</source>
        <translation>Augmen&amp;ter les unités</translation>
    </message>
    <message>
        <source>One more step of units</source>
        <translation>Un palier d&apos;unités de plus</translation>
    </message>
    <message>
        <source>Units &amp;down</source>
        <translation>Diminuer les unit&amp;és</translation>
    </message>
    <message>
        <source>One step fewer units</source>
        <translation>Un palier d&apos;unités de moins</translation>
    </message>
    <message>
        <source>&amp;Omit current site…</source>
        <translation>&amp;Omettre le site courant…</translation>
    </message>
    <message>
        <source>Omit the current protocol site, with a reason</source>
        <translation>Omettre le site courant du protocole, avec une raison</translation>
    </message>
    <message>
        <source>Re&amp;move added site</source>
        <translation>Retirer le site a&amp;jouté</translation>
    </message>
    <message>
        <source>Remove the current follow-the-pain or custom site</source>
        <translation>Retirer le site courant selon la douleur ou personnalisé</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>&amp;Signer…</translation>
    </message>
    <message>
        <source>Sign the session (makes it final)</source>
        <translation>Signer la séance (la rend définitive)</translation>
    </message>
    <message>
        <source>Add a&amp;ddendum…</source>
        <translation>Ajouter un &amp;addenda…</translation>
    </message>
    <message>
        <source>Add to a signed session</source>
        <translation>Compléter une séance signée</translation>
    </message>
    <message>
        <source>Delete dra&amp;ft…</source>
        <translation>Supprimer le &amp;brouillon…</translation>
    </message>
    <message>
        <source>Delete the selected draft</source>
        <translation>Supprimer le brouillon sélectionné</translation>
    </message>
    <message>
        <source>in the sessions</source>
        <translation>dans les séances</translation>
    </message>
    <message>
        <source>Audi&amp;t trail…</source>
        <translation>Piste de véri&amp;fication…</translation>
    </message>
    <message>
        <source>Who created, changed, signed, printed or exported this session, and when</source>
        <translation>Qui a créé, modifié, signé, imprimé ou exporté cette séance, et quand</translation>
    </message>
    <message>
        <source>&amp;Add patient…</source>
        <translation>&amp;Ajouter un(e) patient(e)…</translation>
    </message>
    <message>
        <source>&amp;Edit patient…</source>
        <translation>&amp;Modifier le ou la patient(e)…</translation>
    </message>
    <message>
        <source>Eligibilit&amp;y assessment…</source>
        <translation>Évaluation de l&apos;a&amp;dmissibilité…</translation>
    </message>
    <message>
        <source>Record or review the baseline and the preventives tried (NICE TA260 criteria)</source>
        <translation>Consigner ou revoir la période de référence et les traitements préventifs essayés (critères NICE TA260)</translation>
    </message>
    <message>
        <source>Who created, changed, signed, printed or exported this patient&apos;s records, and when</source>
        <translation>Qui a créé, modifié, signé, imprimé ou exporté les dossiers de cette personne, et quand</translation>
    </message>
    <message>
        <source>Export for &amp;EHR…</source>
        <translation>E&amp;xporter pour le DMÉ…</translation>
    </message>
    <message>
        <source>Save the patient&apos;s signed sessions as a FHIR R4 bundle (JSON) for a referring physician&apos;s or a hospital&apos;s EHR</source>
        <translation>Enregistrer les séances signées du ou de la patient(e) en bundle FHIR R4 (JSON) pour le DMÉ d&apos;un médecin référent ou d&apos;un hôpital</translation>
    </message>
    <message>
        <source>&amp;Due list…</source>
        <translation>Liste des é&amp;chéances…</translation>
    </message>
    <message>
        <source>Patients due or overdue for treatment, with their phone: print, save or export the list to call</source>
        <translation>Patients dont le traitement est dû ou en retard, avec leur téléphone : imprimer, enregistrer ou exporter la liste d&apos;appels</translation>
    </message>
    <message>
        <source>&amp;Lot recall…</source>
        <translation>Rappel de &amp;lot…</translation>
    </message>
    <message>
        <source>Find every patient who received a lot (signed sessions and drafts): print or save the list to contact them</source>
        <translation>Trouver tous les patients qui ont reçu un lot (séances signées et brouillons) : imprimer ou enregistrer la liste pour les joindre</translation>
    </message>
    <message>
        <source>&amp;Refresh patient list</source>
        <translation>A&amp;ctualiser la liste des patients</translation>
    </message>
    <message>
        <source>Read the list again</source>
        <translation>Relire la liste</translation>
    </message>
    <message>
        <source>Go to &amp;patients</source>
        <translation>Aller aux &amp;patients</translation>
    </message>
    <message>
        <source>Go to &amp;sessions</source>
        <translation>Aller aux &amp;séances</translation>
    </message>
    <message>
        <source>Go to &amp;chart</source>
        <translation>Aller à la &amp;fiche</translation>
    </message>
    <message>
        <source>Same as this &amp;computer</source>
        <translation>Comme cet &amp;ordinateur</translation>
    </message>
    <message>
        <source>The window&apos;s language, from the next start</source>
        <translation>La langue de la fenêtre, à partir du prochain démarrage</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About botox-chart</source>
        <translation>À &amp;propos de botox-chart</translation>
    </message>
    <message>
        <source>Print preview</source>
        <comment>button</comment>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>New session</source>
        <comment>button</comment>
        <translation>Nouvelle séance</translation>
    </message>
    <message>
        <source>Repeat last session</source>
        <comment>button</comment>
        <translation>Reprendre la dernière</translation>
    </message>
    <message>
        <source>Sign out</source>
        <comment>button</comment>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Add patient</source>
        <comment>button</comment>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Edit patient</source>
        <comment>button</comment>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Patient &amp;record</source>
        <translation>&amp;Dossier du patient</translation>
    </message>
    <message>
        <source>Continuation &amp;letter</source>
        <translation>&amp;Lettre de poursuite du traitement</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Séance</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Patient(e)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Open session	Enter</source>
        <translation>Ou&amp;vrir la séance	Entrée</translation>
    </message>
</context>
<context>
    <name>WindowAvailability</name>
    <message>
        <source>staff find, view and print; charting needs an injector or a physician</source>
        <translation>le personnel recherche, consulte et imprime; la saisie demande un injecteur ou un médecin</translation>
    </message>
    <message>
        <source>the search hides the selected patient (Esc clears it)</source>
        <translation>la recherche masque la personne sélectionnée (Échap l&apos;efface)</translation>
    </message>
    <message>
        <source>&amp;New session for {}</source>
        <translation>&amp;Nouvelle séance pour {}</translation>
    </message>
    <message>
        <source>&amp;Repeat last session for {}</source>
        <translation>&amp;Reprendre la dernière séance pour {}</translation>
    </message>
    <message>
        <source>&amp;Edit patient {}…</source>
        <translation>&amp;Modifier {}…</translation>
    </message>
    <message>
        <source>Pre&amp;view the record of {}…</source>
        <translation>&amp;Aperçu du dossier de {}…</translation>
    </message>
    <message>
        <source>&amp;Print the record of {}…</source>
        <translation>&amp;Imprimer le dossier de {}…</translation>
    </message>
    <message>
        <source>Save the record of {} as P&amp;DF…</source>
        <translation>Enregistrer le dossier de {} en &amp;PDF…</translation>
    </message>
    <message>
        <source>Audi&amp;t trail of {}…</source>
        <translation>Piste de véri&amp;fication de {}…</translation>
    </message>
    <message>
        <source>Pre&amp;view the letter for {}…</source>
        <translation>&amp;Aperçu de la lettre pour {}…</translation>
    </message>
    <message>
        <source>&amp;Print the letter for {}…</source>
        <translation>&amp;Imprimer la lettre pour {}…</translation>
    </message>
    <message>
        <source>Save the letter for {} as P&amp;DF…</source>
        <translation>Enregistrer la lettre pour {} en &amp;PDF…</translation>
    </message>
    <message>
        <source>Eligibilit&amp;y assessment of {}…</source>
        <translation>Évaluation de l&apos;a&amp;dmissibilité de {}…</translation>
    </message>
    <message>
        <source>Export {} for &amp;EHR…</source>
        <translation>E&amp;xporter {} pour le DMÉ…</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <source>Patient</source>
        <translation>Patient(e)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Loading patients…</source>
        <translation>Chargement des patients…</translation>
    </message>
    <message>
        <source>Eligibility assessment recorded.</source>
        <translation>Évaluation de l&apos;admissibilité consignée.</translation>
    </message>
    <message>
        <source>Import patients</source>
        <translation>Importer des patients</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln patient(s).</source>
        <translation>
            <numerusform>%Ln patient(e) importé(e).</numerusform>
            <numerusform>%Ln patients importés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} enregistré(e).</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>Connecté(e) en tant que {name}.</translation>
    </message>
    <message>
        <source>Signed in as {name}: {staff_why}.</source>
        <translation>Connecté(e) en tant que {name} : {staff_why}.</translation>
    </message>
    <message>
        <source>Open draft</source>
        <translation>Ouvrir le brouillon</translation>
    </message>
    <message>
        <source>Repeat last session</source>
        <translation>Reprendre la dernière séance</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle séance</translation>
    </message>
    <message>
        <source>Unsigned draft</source>
        <translation>Brouillon non signé</translation>
    </message>
    <message>
        <source>{name} already has an unsigned draft from {day}; a patient has one draft at a time. Open it?</source>
        <translation>{name} a déjà un brouillon non signé du {day}; une personne n&apos;a qu&apos;un brouillon à la fois. L&apos;ouvrir?</translation>
    </message>
    <message>
        <source>Repeated the last signed session&apos;s pattern.</source>
        <translation>Schéma de la dernière séance signée repris.</translation>
    </message>
    <message>
        <source>New session started.</source>
        <translation>Nouvelle séance commencée.</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Ouvrir la séance</translation>
    </message>
    <message>
        <source>Resume draft</source>
        <translation>Reprendre le brouillon</translation>
    </message>
    <message>
        <source>{name} has an unsigned draft. Resume the draft from {day}?</source>
        <translation>{name} a un brouillon non signé. Reprendre le brouillon du {day}?</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Supprimer le brouillon</translation>
    </message>
    <message>
        <source>Delete the unsigned draft of {day} for {patient}? This cannot be undone.</source>
        <translation>Supprimer le brouillon non signé du {day} pour {patient}? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Deleted the draft of {day}.</source>
        <translation>Brouillon du {day} supprimé.</translation>
    </message>
    <message>
        <source>The payer&apos;s rule cannot be judged: {err}</source>
        <translation>La règle du payeur ne peut pas être appliquée : {err}</translation>
    </message>
</context>
</TS>

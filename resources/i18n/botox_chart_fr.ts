<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AddendaList</name>
    <message>
        <source>Addenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No addenda.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddendumDialog</name>
    <message>
        <source>Add addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{heading}
The signed session is not changed: the addendum is added below it, with your name and the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Patient called on day 3: mild neck pain, resolving.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminCommands</name>
    <message>
        <source>The window will be in English the next time botox-chart starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window will be in French the next time botox-chart starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;3&apos;&gt;{rows}&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(development)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About botox-chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>botox-chart {number}
Charting onabotulinumtoxinA injections for chronic migraine (PREEMPT).

Database: {where}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong ({kind}); your charting is saved as a draft. Please report it to your support contact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Unknown patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session of {value} · {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this patient and their sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) for {what}, oldest first. Times are local.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed clinic settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session {day_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sites: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft of {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{role}, administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message numerus="yes">
        <source>%n warning(s) acknowledged</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartIntents</name>
    <message>
        <source>{label} is omitted ({value}). Right-click it to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmark {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {format_units} U. +/− changes the dose, Delete removes the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} is not charted as injected; mark it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {format_units} U is the lowest step; type a smaller dose, or remove the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {units} U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} is omitted; restore it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark {label} at {format_units} U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No room for another site there without hiding {beside}: click a little further from the markers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed beside {beside} so both stay visible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add follow-the-pain site, {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-the-pain site not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{muscle} has no follow-the-pain allowance in {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That point is outside the protocol&apos;s muscles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{why} To inject there anyway, chart a custom site:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add custom site {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom site not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omit site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is {label} omitted? (e.g. brow ptosis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omit {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site not omitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicSettingsDialog</name>
    <message>
        <source>No billing codes on notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United States: CPT 64615, HCPCS J0585 with JW/JZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canada: a provincial billing code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIN / &amp;NDC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;NDC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;DIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street
City, province/state, postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No logo: the clinic name heads the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the fee code of your province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled into new sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>14 digits each, e.g. from the carton&apos;s (01)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GTINs of the product cartons the clinic uses, separated by spaces or commas. A scanned carton with another GTIN is refused; while this is empty a scan fills the lot and expiry without checking the product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer&apos;s continuation rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judged beside NICE TA260 on each patient&apos;s outcomes (advice, never a block). A clinic adds its payer&apos;s rule as a file in the data folder&apos;s rules folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (NICE TA260 only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min without input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the window after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window locks (hiding patient information) after this many minutes without keyboard or mouse input; the open chart is saved first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min after 10 failed sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock an account for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After 10 wrong passwords in a row for a user name, sign-in is refused for this many minutes (on every workstation); an administrator can unlock it sooner in Clinicians.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rovincial code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product &amp;GTINs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;yer&apos;s rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loc&amp;k after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock acco&amp;unt for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These print on every procedure note. Keep the logo in a folder every workstation can reach (a shared drive): a note prints without it otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name: it heads every note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no logo file at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a PNG or JPEG image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the provincial billing code, or choose another billing setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the clinic logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo file not found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicianDialog</name>
    <message>
        <source>Injector (charts and signs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician (charts, signs, supervises)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff (finds, views and prints)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions are charted and signed by clinicians who sign in as themselves. Create the first administrator: they sign in now and add the clinic&apos;s other clinicians (File &gt; Clinicians).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the first administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Dr Ana Souza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. MD, FRCPC or RN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. asouza (no spaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least {min_password} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Administrator (adds clinicians, changes clinic settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firm password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and &amp;sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicianListModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}, administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign in yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until {local_time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Yes (%n failed sign-in(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliniciansDialog</name>
    <message>
        <source>Clinicians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an injector, physician or staff member with a login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the failed sign-ins of the selected clinician: they can sign in at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who can sign in. Injectors chart and sign; physicians also supervise; staff find, view and print. Administrators add clinicians and change clinic settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate {name}? They can no longer sign in or supervise; their name stays on the sessions they charted and signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give &amp;sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a clinician to reset their password or deactivate them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot deactivate yourself: another administrator can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no user name, so cannot sign in yet: Give sign-in… sets one with a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {failures} failed sign-ins in a row. Unlock sign-in lets them sign in at once (check it was them first).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CurrentSite</name>
    <message>
        <source>Selected site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected: click a site or press →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Units:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>omitted ({value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>injected, {units} U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not charted yet (standard {format_units} U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site {number}: {label} ({key}): {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site {number}: {label}: {units} U</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseKeys</name>
    <message>
        <source>The database is encrypted. Print this recovery key and keep it in the clinic&apos;s safe. If this computer&apos;s keyring is lost (a new computer, a new user account), the recovery key is the only way to read the records: type it when botox-chart asks, or set BOTOX_CHART_DB_KEY to it.

{key}

It is not shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the database&apos;s key. Choose a passphrase of at least {min_passphrase} characters; botox-chart asks for it each time it starts. Keep it in the clinic&apos;s safe: without it the records cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a database passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {min_passphrase} characters, please.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message}

Passphrase or recovery key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypt database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is already encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypt the database and its backups? Everyone else must close botox-chart on this database first. The chart open here is saved and closed, and everyone signs in again afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no keyring. Choose a passphrase of at least {min_passphrase} characters; it is asked for each time botox-chart starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseLoader</name>
    <message>
        <source>The database could not be opened because of an unexpected error ({kind}). Please report it; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check which role the database is used as: {err}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagramArt</name>
    <message>
        <source>Front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagramKeys</name>
    <message>
        <source>Protocol sites are omitted, not removed: press O to omit this one (with a reason).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An added site is removed, not omitted: press Delete to remove it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftAutosave</name>
    <message>
        <source>Not saved: this draft was changed on another workstation. Reload to see those changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {problem} Your changes are kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft · saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft · all changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on another workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{err}

Reload the draft now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{err}

Your changes are kept in this window and saved again with your next change (or Retry).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueListDialog</name>
    <message>
        <source>This week (due within 7 days, overdue included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next 2 weeks (due within 14 days, overdue included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the printed list first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the list to call, with Called and Notes columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the printable list as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the list as CSV for a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) {period}; referrals never treated are always listed. Enter or a double-click chooses the patient in the main window.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueListModel</name>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last treated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EligibilityDialog</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility assessment: {patient_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per month (30 days), e.g. 22</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per month; blank if not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank if not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication overuse addressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preventive treatments tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Baseline period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Headache days per month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Migraine days per month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months with &amp;chronic migraine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours &amp;per day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication &amp;overuse addressed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ferral on file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preventive treatments tried (each listed counts as tried):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>headache days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The headache days per month are missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the start of the baseline period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of the baseline period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migraine days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>months with chronic migraine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: {err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;NICE TA260 criteria&lt;/b&gt; (advice, not a block):{rows}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type {label} as {date_hint} (e.g. 2026-09-30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {label} must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {label} must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>Nothing to fix: ready to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{errors} to fix before signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{warnings} to acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadDiagram</name>
    <message>
        <source>Signed — read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injection site diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys: next or previous site. Space or Enter: mark the site. Plus or minus: change the dose. O: omit a protocol site. Delete: remove an added site. Menu key: more actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark not injected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark injected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Increase dose	+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrease dose	−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omit site…	O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove site	Del</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LotPicker</name>
    <message>
        <source>{text!r} is not an expiry date: type it as on the vial, e.g. 2027-06.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lot expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lot} — expiry not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lot} — exp. {isoformat}{expired}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a recent lot or type one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LotRecallDialog</name>
    <message>
        <source>Lot recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot number, as on the carton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only sessions on or after / on or before this date of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a lot number and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions that used the lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the printed list first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the recall list, with a Contacted column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recall list as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session used lot {lot} ({period}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot}, {period}: {sessions}, {patients}, {units} U from the lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>; {drafts} not signed (DRAFT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Enter or a double-click chooses the patient in the main window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LotRecallModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The database was replaced under this window: nothing here can be saved until it is opened again (View › Refresh, F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a patient (or press Enter on them) to chart: their draft opens, else their last session is repeated, else a new session starts. Or start a New session (Ctrl+N), Repeat the last session (Ctrl+R), or open a session from the list (Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo or redo a charting change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup failed. {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading patients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database this window reads and writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln patient(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The database could not be opened. {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message} This window is read-only: View › Refresh (F5) opens the database as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message}

Changes made in this window since then are only on this screen. Reload now? Everyone signs in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, an administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({role}{admin}), user name {username}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>Well tolerated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tolerated with mild discomfort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poorly tolerated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard aftercare advice given; next session in 12 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftercare leaflet given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The days the figures below count: the last 30 days asked at the visit, or the days of a diary. Compared per 28 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting window ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the visit (or YYYY-MM-DD, a diary&apos;s last day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ending on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headache days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migraine days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acute-medication days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days with diary data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diary days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headache days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migraine days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acute-medication days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days with diary data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIDAS total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HIT-6 total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}, as the patient&apos;s form gives it; — = not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIDAS total:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HIT-6 total:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible distant spread of toxin: flagged for urgent review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other adverse event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Well tolerated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tolerance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftercare advice given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftercare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftercare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of {window}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the last day as YYYY-MM-DD (not {value!r}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window cannot end after the visit ({isoformat}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting window&apos;s last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add adverse event {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove adverse event {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}; — = not recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeTrend</name>
    <message>
        <source>stop: not responding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop: now episodic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes (days per 28 days at each visit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1565c0&apos;&gt;● headache days&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:#6a1b9a&apos;&gt;■ migraine days&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:#607d8b&apos;&gt;– – baseline&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:#c77700&apos;&gt;··· response line&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{escape}: {words}.&lt;/b&gt; {escape2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new password for {name}{username}. Tell them in person; they can sign in with it at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (user name {username})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least {min_password} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no spaces, e.g. cdube</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firm password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date_hint} (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. NKDA, latex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. marie@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date_hint} (blank: still treated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. stopping rule met, patient choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chart number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Health card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Referring physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral &amp;date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Treatment stopped on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason treatment st&amp;opped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>referral date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date treatment stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason treatment stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preferred language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} is missing ({date_hint}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} {text!r} is not a date: write it {date_hint}, e.g. 1980-05-17.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientIdentity</name>
    <message>
        <source>Charted patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{escape}&lt;/b&gt; · born {isoformat} ({age_on} y) · chart # {escape2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, born {isoformat}, chart {chart_number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and {more} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Similar name: {named}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another patient&apos;s name reads like this one. Check the date of birth and chart number with the patient before charting.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, born {born}, chart {chart_number}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientListModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart #</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>Find: name, chart # or YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln patient(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln patient(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the page to the window width (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save these pages as a PDF file (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print these pages (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due list</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n procedure note(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Procedure note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuation letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic outcomes report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot recall list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing {document}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{missing_message}

Continue anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: print preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be started. Check it is on and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing {document}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing page {value} of {count}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save {document} as {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved. {err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the export could not be written to the audit log: {err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save {path}: {strerror}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done, but it could not be written to the audit log: {err}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <source>Product &amp;&amp; dilution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis (ICD-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diagnosis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIN (Canada) or NDC (US)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit DIN/NDC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIN/NDC:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saline per 200 U vial:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change needle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saline per {vial_units} U vial:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{format_units} U per 0.1 mL · {format_units2} U site = {per_site:.2f} mL · {units_opened} U opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change saline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordCommands</name>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic outcomes report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That patient is not in the patient list yet: View › Refresh (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreenForm</name>
    <message>
        <source>Consent obtained · no contraindications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent obtained, no contraindications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record consent and answer every contraindication absent, as one undo step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contraindication is recorded present: answer the screen one by one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded present: {present}. Change that answer by hand if it is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent &amp;&amp; screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent obtained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contraindications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer every contraindication as absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen: {name} present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen: {name} absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contraindications present</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>This session is signed and cannot be changed: add an addendum instead (Session › Add addendum, Ctrl+Shift+D).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as staff: sessions can be viewed and printed; charting, signing and addenda need an injector or a physician.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session open. Start or open one from the patient&apos;s sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest changes to this draft are not saved. Close it anyway and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied {name}: {total} U. Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is already applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the carton for vial {value}, or type its lot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded consent and no contraindications. Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who you are before signing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest changes are not saved yet; save them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{format_units} U at {count} sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed. The session is now read-only; add to it with an addendum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addenda are for signed sessions; edit this draft instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addendum not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who you are first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addendum added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record does not match its signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was changed outside botox-chart after it was signed. Its note says so on every page; tell the clinic&apos;s administrator (botox-chart verify lists every record affected).

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsigned draft · view only (staff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a site first: click it, or press → on the diagram.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart every standard site at its dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the session (it becomes final)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add addendum…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the signed session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One unit less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One unit more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omit the selected protocol site, with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected added (follow-the-pain or custom) site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, expires {isoformat}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <source>Born {isoformat} ({age})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart # {chart_number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health card {health_card}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by {referring_physician}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{units} at {sites} sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsigned draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: was due {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{due} OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due on or after {due} (12 weeks)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionListPanel</name>
    <message>
        <source>No patient selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a patient on the left, or add one (Ctrl+Shift+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment stopped on {isoformat} ({treatment_stopped_reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies: {allergies}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies: none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Next due {date}: OVERDUE by %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Next due {isoformat} (12 weeks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A draft is open: sign it to set the next due date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionLoading</name>
    <message>
        <source>Unknown patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed {when} by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, supervised by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · fingerprint {fingerprint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · DOES NOT MATCH ITS SIGNATURE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before signing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix before signing ({count}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick each warning to acknowledge it ({count}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{escape}&lt;/b&gt;: check it against the vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervising physician:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This session cannot be signed yet: %n problem(s) must be fixed in the chart first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %n warning(s) to sign. A signed session cannot be changed, only added to with an addendum.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to sign. A signed session cannot be changed, only added to with an addendum.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The database could not be opened. {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as someone else (the open chart is saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create the first administrator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to chart, view and print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after a pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{why}, to keep patient information private. {name}: enter your password to go on, or switch user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to botox-chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody can sign in yet: create the first administrator, who then adds the clinic&apos;s injectors, physicians and staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Midline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right {muscle}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left {muscle}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masseter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Splenius capitis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sternocleidomastoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levator scapulae</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a custom site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Masseter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Right masseter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Muscle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Side:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Units:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which muscle the site is in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the site a label.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteMarker</name>
    <message>
        <source>right side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>midline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: not injected yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-the-pain site (injected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom site (injected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>? mL (dilution incomplete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site {number}: {label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TotalsView</name>
    <message>
        <source>Totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>of {standard} U standard · max {most} U
%n site(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing charted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charted {format_units} U but the opened vials hold {opened} U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wasted: {format_units} U of {opened} U opened (J0585-JW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No waste: all {opened} U given (JZ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lot not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial {n} ({lot}, {units} U): {format_units} U drawn, {format_units2} U wasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n protocol site(s) not charted yet</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Changes from protocol:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard protocol, no changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>No visit figures yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VialRow</name>
    <message>
        <source>Vial {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial {number} lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial {number} expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry, e.g. 2027-06</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry as on the vial: 2027-06-30, 2027-06 or 06/2027</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial {number} size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial {number} units drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units drawn from this vial. Left blank, the units charted are taken from the vials in order (shown greyed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove vial {number}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VialsForm</name>
    <message>
        <source>The product was not checked: no product GTINs are set in Clinic settings (an administrator adds them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: GTIN {gtin} on this carton is not one of the clinic&apos;s products, so nothing was filled. If it is the product you use, an administrator can add it in Clinic settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record one more vial opened (its lot, expiry and size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove vial {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit lot of vial {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick lot {lot} for vial {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial {value}: {err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set expiry of vial {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial {value}: {size} U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units drawn from vial {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This carton&apos;s code holds no lot (10): type the lot from the carton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan carton into vial {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, expiry {isoformat}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the code has no expiry: type it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial {value}: lot {lot}{when}, from the carton.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>{base}. Not available: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the selected sessions&apos; notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the selected sessions&apos; notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected sessions&apos; notes as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the patient&apos;s treatment record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the patient&apos;s treatment record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the patient&apos;s treatment record as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the patient&apos;s continuation letter for an insurer or referring physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the patient&apos;s continuation letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the patient&apos;s continuation letter as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic &amp;outcomes report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of patients with 30%, 50% and 75% fewer headache days after their 2nd and 3rd treatments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clini&amp;cians…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add clinicians, reset a password, deactivate (administrators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic name, address, billing, idle lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encrypt database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypt a database made by the first release, and its backups (administrators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide patient information until you type your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and let someone else sign in (the chart is saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out (the open chart is saved and closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close botox-chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the search box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a session for the selected patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat last session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a session with the pattern of the patient&apos;s last signed session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected session (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply &amp;protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart every standard site at 5 U (155 U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent obtained · no contra&amp;indications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record consent and every contraindication absent, as one undo step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a carton&apos;s &amp;barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor in the lot field of the first vial without a lot (a vial is added when every one has a lot), ready for the barcode scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark current site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One more step of units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step fewer units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Omit current site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omit the current protocol site, with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move added site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the current follow-the-pain or custom site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the session (makes it final)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a&amp;ddendum…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to a signed session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete dra&amp;ft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audi&amp;t trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who created, changed, signed, printed or exported this session, and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibilit&amp;y assessment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record or review the baseline and the preventives tried (NICE TA260 criteria)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who created, changed, signed, printed or exported this patient&apos;s records, and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients due or overdue for treatment, with their phone: print, save or export the list to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lot recall…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find every patient who received a lot (signed sessions and drafts): print or save the list to contact them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh patient list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the list again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as this &amp;computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window&apos;s language, from the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About botox-chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient &amp;record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuation &amp;letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open session	Enter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowAvailability</name>
    <message>
        <source>staff find, view and print; charting needs an injector or a physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the search hides the selected patient (Esc clears it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New session for {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat last session for {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit patient {}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view the record of {}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print the record of {}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the record of {} as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audi&amp;t trail of {}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view the letter for {}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print the letter for {}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the letter for {} as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibilit&amp;y assessment of {}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading patients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility assessment recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name}: {staff_why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat last session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsigned draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} already has an unsigned draft from {day}; a patient has one draft at a time. Open it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeated the last signed session&apos;s pattern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has an unsigned draft. Resume the draft from {day}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the unsigned draft of {day} for {patient}? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the draft of {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer&apos;s rule cannot be judged: {err}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

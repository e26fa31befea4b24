<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_CA">
<context>
    <name>AuditDialog</name>
    <message numerus="yes">
        <source>%n event(s) for {what}, oldest first. Times are local.</source>
        <translation>
            <numerusform>%n event for {what}, oldest first. Times are local.</numerusform>
            <numerusform>%n events for {what}, oldest first. Times are local.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message numerus="yes">
        <source>%n warning(s) acknowledged</source>
        <translation>
            <numerusform>%n warning acknowledged</numerusform>
            <numerusform>%n warnings acknowledged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) skipped</source>
        <translation>
            <numerusform>%n duplicate skipped</numerusform>
            <numerusform>%n duplicates skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicianListModel</name>
    <message numerus="yes">
        <source>Yes (%n failed sign-in(s))</source>
        <translation>
            <numerusform>Yes (%n failed sign-in)</numerusform>
            <numerusform>Yes (%n failed sign-ins)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliniciansDialog</name>
    <message numerus="yes">
        <source>{name}: %n failed sign-in(s) in a row. Unlock sign-in lets them sign in at once (check it was them first).</source>
        <translation>
            <numerusform>{name}: %n failed sign-in in a row. Unlock sign-in lets them sign in at once (check it was them first).</numerusform>
            <numerusform>{name}: %n failed sign-ins in a row. Unlock sign-in lets them sign in at once (check it was them first).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueListDialog</name>
    <message numerus="yes">
        <source>%n patient(s) {period}; referrals never treated are always listed. Enter or a double-click chooses the patient in the main window.</source>
        <translation>
            <numerusform>%n patient {period}; referrals never treated are always listed. Enter or a double-click chooses the patient in the main window.</numerusform>
            <numerusform>%n patients {period}; referrals never treated are always listed. Enter or a double-click chooses the patient in the main window.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message numerus="yes">
        <source>%n to fix before signing</source>
        <translation>
            <numerusform>%n to fix before signing</numerusform>
            <numerusform>%n to fix before signing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to acknowledge</source>
        <translation>
            <numerusform>%n to acknowledge</numerusform>
            <numerusform>%n to acknowledge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LotRecallDialog</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n not signed (DRAFT)</source>
        <translation>
            <numerusform>; %n not signed (DRAFT)</numerusform>
            <numerusform>; %n not signed (DRAFT)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln patient(s)</source>
        <translation>
            <numerusform>%Ln patient</numerusform>
            <numerusform>%Ln patients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientIdentity</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientImportDialog</name>
    <message numerus="yes">
        <source>{file}: %Ln row(s).</source>
        <translation>
            <numerusform>{file}: %Ln row.</numerusform>
            <numerusform>{file}: %Ln rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln patient(s) to add</source>
        <translation>
            <numerusform>%Ln patient to add</numerusform>
            <numerusform>%Ln patients to add</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) skipped as duplicates (chart number, or name and date of birth, already a patient&apos;s or an earlier row&apos;s)</source>
        <translation>
            <numerusform>%Ln row skipped as duplicates (chart number, or name and date of birth, already a patient&apos;s or an earlier row&apos;s)</numerusform>
            <numerusform>%Ln rows skipped as duplicates (chart number, or name and date of birth, already a patient&apos;s or an earlier row&apos;s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) refused</source>
        <translation>
            <numerusform>%Ln row refused</numerusform>
            <numerusform>%Ln rows refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The refused rows are not imported. Import the %Ln valid row(s) only, or cancel, correct the file and import it again.</source>
        <translation>
            <numerusform>The refused rows are not imported. Import the %Ln valid row only, or cancel, correct the file and import it again.</numerusform>
            <numerusform>The refused rows are not imported. Import the %Ln valid rows only, or cancel, correct the file and import it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import the %Ln valid row(s) only</source>
        <translation>
            <numerusform>&amp;Import the %Ln valid row only</numerusform>
            <numerusform>&amp;Import the %Ln valid rows only</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln patient(s)</source>
        <translation>
            <numerusform>&amp;Import %Ln patient</numerusform>
            <numerusform>&amp;Import %Ln patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln patient(s)…</source>
        <translation>
            <numerusform>Importing %Ln patient…</numerusform>
            <numerusform>Importing %Ln patients…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message numerus="yes">
        <source>%Ln patient(s)</source>
        <translation>
            <numerusform>%Ln patient</numerusform>
            <numerusform>%Ln patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln patient(s)</source>
        <translation>
            <numerusform>{shown} of %Ln patient</numerusform>
            <numerusform>{shown} of %Ln patients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message numerus="yes">
        <source>%n procedure note(s)</source>
        <translation>
            <numerusform>%n procedure note</numerusform>
            <numerusform>%n procedure notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message numerus="yes">
        <source>{units} U at %n site(s)</source>
        <translation>
            <numerusform>{units} U at %n site</numerusform>
            <numerusform>{units} U at %n sites</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message numerus="yes">
        <source>{units} at %n site(s)</source>
        <translation>
            <numerusform>{units} at %n site</numerusform>
            <numerusform>{units} at %n sites</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionListPanel</name>
    <message numerus="yes">
        <source>Next due {date}: OVERDUE by %n day(s)</source>
        <translation>
            <numerusform>Next due {date}: OVERDUE by %n day</numerusform>
            <numerusform>Next due {date}: OVERDUE by %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message numerus="yes">
        <source>This session cannot be signed yet: %n problem(s) must be fixed in the chart first.</source>
        <translation>
            <numerusform>This session cannot be signed yet: %n problem must be fixed in the chart first.</numerusform>
            <numerusform>This session cannot be signed yet: %n problems must be fixed in the chart first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %n warning(s) to sign. A signed session cannot be changed, only added to with an addendum.</source>
        <translation>
            <numerusform>Acknowledge %n warning to sign. A signed session cannot be changed, only added to with an addendum.</numerusform>
            <numerusform>Acknowledge %n warnings to sign. A signed session cannot be changed, only added to with an addendum.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TotalsView</name>
    <message numerus="yes">
        <source>of {standard} U standard · max {most} U
%n site(s)</source>
        <translation>
            <numerusform>of {standard} U standard · max {most} U
%n site</numerusform>
            <numerusform>of {standard} U standard · max {most} U
%n sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n protocol site(s) not charted yet</source>
        <translation>
            <numerusform>%n protocol site not charted yet</numerusform>
            <numerusform>%n protocol sites not charted yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message numerus="yes">
        <source>Imported %Ln patient(s).</source>
        <translation>
            <numerusform>Imported %Ln patient.</numerusform>
            <numerusform>Imported %Ln patients.</numerusform>
        </translation>
    </message>
</context>
</TS>

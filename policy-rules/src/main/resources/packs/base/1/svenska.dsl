#/ Svenska regelmeningar för e-postpolicyer: the vocabulary rule authors write .dslr rules with.
#/ The left side is the sentence as the policy would say it; the right side is the fact it tests.
#/ A rule's "när" names "meddelandet" (or a context) and adds its conditions as "- …" lines; its
#/ "då" lists what must happen. Every marker of markers.yaml and every message fact has a sentence.
[keyword][]regel=rule
[keyword][]när=when
[keyword][]då=then
[keyword][]slut=end

#/ What is judged
[condition][]meddelandet=Message( )
[condition][]organisationens gräns för dold kopia är {gräns}=OrganisationProfile( {gräns} : bccThreshold )
[condition][]organisationens gräns för massutskick är {gräns}=OrganisationProfile( {gräns} : massMailingThreshold )

#/ Direction
#/ A longer sentence stands before a shorter one it starts with: the first that fits is used.
[condition][]- är utgående eller internt=(outbound || internal)
[condition][]- är inkommande eller internt=(inbound || internal)
[condition][]- är inkommande eller utgående=!internal
[condition][]- är inkommande=inbound
[condition][]- är utgående=outbound
[condition][]- är internt=internal

#/ Senders and recipients
[condition][]- kommer från en privat e-postadress=senderPrivateProvider
[condition][]- går till myndighetsbrevlådan=toAuthorityMailbox
[condition][]- går inte till myndighetsbrevlådan=!toAuthorityMailbox
[condition][]- går till en extern mottagare=externalRecipientCount > 0
[condition][]- går till en privat e-postadress=privateProviderRecipientCount > 0
[condition][]- har fler än {antal} mottagare i Till och Kopia=(toCount + ccCount) > {antal}
[condition][]- har minst {antal} mottagare=recipientCount >= {antal}
[condition][]- går bara till en intern mottagare=(recipientCount == 1 && externalRecipientCount == 0)

#/ Kinds of message
[condition][]- är ett svar=reply
[condition][]- är en manuell vidarebefordran=forward
[condition][]- är en automatisk vidarebefordran=autoForward
[condition][]- är ett automatiskt svar=autoReply
[condition][]- anger inte när avsändaren är tillbaka=!returnDateGiven
[condition][]- anger ingen annan kontaktväg=!alternativeContactGiven
[condition][]- är ett massutskick eller nyhetsbrev=bulk
[condition][]- är inte ett massutskick eller nyhetsbrev=!bulk
[condition][]- är en leveransrapport=deliveryReport
[condition][]- är ett läskvitto=readReport
[condition][]- är av ringa betydelse=minorImportance
[condition][]- är inte av ringa betydelse=!minorImportance
[condition][]- kommer från en multifunktionsskrivare=scanToMail
[condition][]- kommer inte från en multifunktionsskrivare=!scanToMail
[condition][]- är krypterat=encrypted
[condition][]- är okrypterat=!encrypted
[condition][]- har en misstänkt bilaga=riskyAttachment
[condition][]- har en vilseledande länk=deceptiveLink
[condition][]- har misslyckad avsändarkontroll=authenticationFailed
[condition][]- visar en intern adress som avsändarnamn=displayNameSpoofing
[condition][]- saknar signaturens webbadress=!requiredSignaturePresent
[condition][]- har bilder eller bakgrundsbild=(inlineImages > 0 || backgroundImage)

#/ Content: anywhere in the message ("innehåller") or readable in transit ("innehåller läsbart")
[condition][]- innehåller personnummer=markers contains MarkerType.PERSONNUMMER
[condition][]- innehåller samordningsnummer=markers contains MarkerType.SAMORDNINGSNUMMER
[condition][]- innehåller patientuppgifter=markers contains MarkerType.PATIENT_DATA
[condition][]- innehåller hälsouppgifter=markers contains MarkerType.HEALTH_DATA
[condition][]- innehåller känsliga personuppgifter=markers contains MarkerType.SENSITIVE_PERSONAL_DATA
[condition][]- innehåller uppgifter om en klient i socialtjänsten=markers contains MarkerType.SOCIAL_CARE_CLIENT
[condition][]- innehåller en sekretessmarkering=markers contains MarkerType.CONFIDENTIALITY_MARKING
[condition][]- innehåller leverantörsuppgifter i en upphandling=markers contains MarkerType.PROCUREMENT_SUPPLIER_DATA
[condition][]- innehåller personliga omdömen=markers contains MarkerType.PERSONAL_ASSESSMENT
[condition][]- innehåller ett hot=markers contains MarkerType.THREAT
[condition][]- innehåller en begäran om allmän handling=markers contains MarkerType.DISCLOSURE_REQUEST
[condition][]- innehåller en kallelse till vård=markers contains MarkerType.APPOINTMENT_NOTICE
[condition][]- innehåller inte en kallelse till vård=markers not contains MarkerType.APPOINTMENT_NOTICE
[condition][]- innehåller ett diarienummer=markers contains MarkerType.CASE_REFERENCE
[condition][]- innehåller en formell handling=markers contains MarkerType.FORMAL_DOCUMENT
[condition][]- innehåller arbetsmaterial=markers contains MarkerType.WORKING_MATERIAL
[condition][]- är privat=markers contains MarkerType.PRIVATE
[condition][]- är parti- eller fackinternt=markers contains MarkerType.PARTY_OR_UNION_INTERNAL
[condition][]- är ett kedjebrev=markers contains MarkerType.CHAIN_LETTER
[condition][]- innehåller en virusvarning=markers contains MarkerType.VIRUS_WARNING
[condition][]- berättar att avsändaren är sjuk=markers contains MarkerType.SICKNESS_DISCLOSURE
[condition][]- är en registrering hos en webbtjänst=markers contains MarkerType.SERVICE_SIGNUP
[condition][]- innehåller läsbart patientuppgifter=exposedMarkers contains MarkerType.PATIENT_DATA
[condition][]- innehåller läsbart hälsouppgifter=exposedMarkers contains MarkerType.HEALTH_DATA
[condition][]- innehåller läsbart känsliga personuppgifter=exposedMarkers contains MarkerType.SENSITIVE_PERSONAL_DATA
[condition][]- innehåller läsbart uppgifter om en klient i socialtjänsten=exposedMarkers contains MarkerType.SOCIAL_CARE_CLIENT
[condition][]- innehåller läsbart en sekretessmarkering=exposedMarkers contains MarkerType.CONFIDENTIALITY_MARKING
[condition][]- innehåller läsbart leverantörsuppgifter i en upphandling=exposedMarkers contains MarkerType.PROCUREMENT_SUPPLIER_DATA
[condition][]- innehåller läsbart uppgifter om hälsa, vård eller känsliga personuppgifter=(exposedMarkers contains MarkerType.HEALTH_DATA || exposedMarkers contains MarkerType.PATIENT_DATA || exposedMarkers contains MarkerType.SENSITIVE_PERSONAL_DATA)

#/ What the embedding system knows
[condition][]avsändaren har inte skrivit tidigare=EvaluationContext( senderHistory == SenderHistory.FIRST_CONTACT )
[condition][]ärendet är avslutat=EvaluationContext( caseStatus == CaseStatus.CLOSED )
[condition][]det är inte känt att ärendet är avslutat=not EvaluationContext( caseStatus == CaseStatus.CLOSED )
[condition][]brevlådan är myndighetsbrevlådan=EvaluationContext( mailboxType == MailboxType.AUTHORITY )
[condition][]det är inte känt att brevlådan är myndighetsbrevlådan=not EvaluationContext( mailboxType == MailboxType.AUTHORITY )

#/ What must happen
[consequence][]ska det diarieföras=decide.to(drools, Verdict.REGISTER);
[consequence][]ska det journalföras=decide.to(drools, Verdict.JOURNAL);
[consequence][]får det raderas=decide.to(drools, Verdict.DELETE);
[consequence][]får det inte skickas=decide.to(drools, Verdict.FORBIDDEN_TO_SEND);
[consequence][]får det inte raderas=decide.to(drools, Notice.DO_NOT_DELETE);
[consequence][]ska närmaste chef underrättas=decide.to(drools, Notice.NOTIFY_MANAGER);
[consequence][]ska IT kontaktas=decide.to(drools, Notice.REPORT_TO_IT);
[consequence][]ska avsändaren informeras om personuppgifter=decide.to(drools, Notice.INFORM_SENDER_PRIVACY);
[consequence][]ska en säker kanal användas=decide.to(drools, Notice.USE_SECURE_CHANNEL);
[consequence][]ska mottagarna läggas som dold kopia=decide.to(drools, Notice.USE_BCC);
[consequence][]ska det flyttas till en separat mapp=decide.to(drools, Notice.MOVE_TO_SEPARATE_FOLDER);
[consequence][]ska det skickas till myndighetsbrevlådan=decide.to(drools, Notice.FORWARD_TO_AUTHORITY_MAILBOX);
[consequence][]ska det handläggas skyndsamt=decide.to(drools, Notice.HANDLE_PROMPTLY);
[consequence][]ska det flyttas till den lagring som dokumenthanteringsplanen anger=decide.to(drools, Notice.TRANSFER_TO_RECORDS_STORAGE);
[consequence][]följer det inte organisationens utformning=decide.to(drools, Notice.STYLE);

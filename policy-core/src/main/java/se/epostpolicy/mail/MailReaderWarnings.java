package se.epostpolicy.mail;

/** Where reading records what it could not read fully; warnings name no content. */
interface MailReaderWarnings {
  void warn(String warning);
}

/**
 * Reading mail: {@link se.epostpolicy.mail.MailReader} turns {@code .eml} files, mbox files,
 * Maildir folders and streams into {@link se.epostpolicy.mail.Email}s, leniently and within
 * {@link se.epostpolicy.mail.ReaderLimits}.
 */
package se.epostpolicy.mail;

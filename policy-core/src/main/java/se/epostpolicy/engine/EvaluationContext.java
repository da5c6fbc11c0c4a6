package se.epostpolicy.engine;

import java.util.Objects;

/**
 * What the embedding system knows that a message cannot carry. Inserted into the rule engine as a
 * fact; a rule that needs an unknown value does not fire.
 *
 * @param senderHistory has this external sender written before
 * @param caseStatus the state of the case the message belongs to
 * @param mailboxType the mailbox the message was found in
 * @since 0.1
 */
public record EvaluationContext(SenderHistory senderHistory, CaseStatus caseStatus, MailboxType mailboxType) {

  /** Nothing known. */
  public static final EvaluationContext UNKNOWN =
      new EvaluationContext(SenderHistory.UNKNOWN, CaseStatus.UNKNOWN, MailboxType.UNKNOWN);

  public EvaluationContext {
    Objects.requireNonNull(senderHistory, "senderHistory");
    Objects.requireNonNull(caseStatus, "caseStatus");
    Objects.requireNonNull(mailboxType, "mailboxType");
  }

  public EvaluationContext withSenderHistory(SenderHistory v) { return new EvaluationContext(v, caseStatus, mailboxType); }
  public EvaluationContext withCaseStatus(CaseStatus v) { return new EvaluationContext(senderHistory, v, mailboxType); }
  public EvaluationContext withMailboxType(MailboxType v) { return new EvaluationContext(senderHistory, caseStatus, v); }
}

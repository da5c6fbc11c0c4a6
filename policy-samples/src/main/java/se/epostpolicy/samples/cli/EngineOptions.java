package se.epostpolicy.samples.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import se.epostpolicy.RulePackException;
import se.epostpolicy.UnknownPackException;
import se.epostpolicy.engine.CaseStatus;
import se.epostpolicy.engine.EvaluationContext;
import se.epostpolicy.engine.MailboxType;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.engine.SenderHistory;
import se.epostpolicy.engine.VersionSelection;
import se.epostpolicy.facts.OrganisationProfile;
import se.epostpolicy.pack.PackRepository;

/** The options every command that judges mail shares: which pack, which version, which organisation, what context. */
final class EngineOptions {

  @Option(names = {"--pack", "--policy"}, required = true, paramLabel = "<id>[@<version>]",
      description = "The rule pack, newest version unless one is given (e.g. region-varmland@2019-01-01).")
  String policy;

  @Mixin
  RulesOption rules;

  @Option(names = "--at", paramLabel = "message-date|YYYY-MM-DD",
      description = "Judge by the version in force on each message's date (message-date) or on a given date, "
          + "instead of the newest or the one --policy names.")
  String at;

  @Option(names = "--org", paramLabel = "FILE",
      description = "YAML with the organisation's own profile settings (internalDomains, authorityMailbox, "
          + "privateProviders, massMailingThreshold, bccThreshold, requiredSignatureText) over the pack's defaults.")
  Path org;

  @Option(names = "--sender-history", defaultValue = "UNKNOWN", description = "Context: ${COMPLETION-CANDIDATES}.")
  SenderHistory senderHistory;

  @Option(names = "--case-status", defaultValue = "UNKNOWN", description = "Context: ${COMPLETION-CANDIDATES}.")
  CaseStatus caseStatus;

  @Option(names = "--mailbox-type", defaultValue = "UNKNOWN", description = "Context: ${COMPLETION-CANDIDATES}.")
  MailboxType mailboxType;

  /** The exit code to return when {@link #engine(CommandSpec)} gave {@code null}. */
  int failure;

  EvaluationContext context() {
    return new EvaluationContext(senderHistory, caseStatus, mailboxType);
  }

  /** The engine, or {@code null} after printing why there is none. */
  PolicyEngine engine(CommandSpec spec) {
    try {
      PolicyEngine.Builder b = PolicyEngine.builder().pack(policy).repository(rules.repository())
          .allowRuleCode(rules.allowRuleCode);
      if (org != null) b.profileSettings(OrganisationProfile.Settings.read(org));
      if (at != null) b.selection(selection(spec));
      return b.build();
    } catch (UnknownPackException e) {
      spec.commandLine().getErr().println("policy-check: " + e.getMessage());
      failure = PolicyCheck.USAGE;
    } catch (RulePackException e) {
      spec.commandLine().getErr().println("policy-check: " + e.getMessage());
      failure = PolicyCheck.SOME_FAILED;
    }
    spec.commandLine().getErr().flush();
    return null;
  }

  private VersionSelection selection(CommandSpec spec) {
    if (at.equals("message-date")) return VersionSelection.inForceOnMessageDate();
    try {
      return VersionSelection.inForceOn(LocalDate.parse(at));
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), "--at takes 'message-date' or a date YYYY-MM-DD, not '" + at + "'");
    }
  }
}

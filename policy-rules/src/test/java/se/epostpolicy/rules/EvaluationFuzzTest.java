package se.epostpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.epostpolicy.MailReadException;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.facts.Message;
import se.epostpolicy.mail.Email;
import se.epostpolicy.mail.MailReader;

/**
 * Coverage-guided fuzzing of fact extraction and evaluation: whatever {@link MailReader} reads is
 * decided by a bundled pack, through the public API, without any exception. Each engine judges by
 * its newest version, so no message date can make a decision impossible; an exception here is a
 * bug in extraction or in a rule. The last byte picks the pack, so the mail itself stays as the
 * seed has it. Counts agree with the lists they count, and a decision asks for review exactly when
 * no primary verdict stands or some content was not read (BAS-09).
 */
class EvaluationFuzzTest {

  private static final MailReader READER = new MailReader();
  private static final List<PolicyEngine> ENGINES = Stream.of("region-varmland", "region-halland", "region-vastmanland",
      "huddinge-kommun", "datainspektionen-aland").map(PolicyEngine::load).toList();

  static Stream<Arguments> seeds() {
    return MailSeeds.seeds();
  }

  @MethodSource("seeds")
  @FuzzTest
  void whateverIsReadIsDecided(byte[] mail) {
    Email email;
    try {
      email = READER.read(new ByteArrayInputStream(mail), "fuzz.eml");
    } catch (MailReadException refused) {
      return;
    }
    PolicyEngine engine = ENGINES.get(mail.length == 0 ? 0 : Byte.toUnsignedInt(mail[mail.length - 1]) % ENGINES.size());
    Decision decision = engine.evaluate(email);
    Message facts = decision.facts().message();
    assertThat(facts.attachmentCount()).isEqualTo(decision.facts().attachments().size());
    assertThat(facts.recipientCount()).isEqualTo(facts.recipients().size())
        .isEqualTo(facts.toCount() + facts.ccCount() + facts.bccCount());
    assertThat(decision.needsReview()).isEqualTo(decision.verdicts().isEmpty() || facts.contentNotRead());
    assertThat(engine.ruleIds()).containsAll(decision.firedRules());
  }
}

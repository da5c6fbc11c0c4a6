package se.epostpolicy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Unfolding header values in one pass, with the result jakarta.mail's own unfolding gives. */
class HeaderValuesTest {

  @Test
  void lineBreaksGoAndTheWhiteSpaceAfterThemStays() {
    assertThat(HeaderValues.unfold("a@x.se,\r\n b@x.se,\r\n\tc@x.se")).isEqualTo("a@x.se, b@x.se,\tc@x.se");
    assertThat(HeaderValues.unfold("Fråga om\n  vård")).isEqualTo("Fråga om  vård");
  }

  @Test
  void aValueWithoutLineBreaksIsReturnedAsItIs() {
    String value = "Fråga om vård";
    assertThat(HeaderValues.unfold(value)).isSameAs(value);
  }

  @Test
  void aBreakWithoutWhiteSpaceAfterItBecomesASpaceSoNoLineBreakIsLeft() {
    assertThat(HeaderValues.unfold("a\r\nb\rc\nd")).isEqualTo("a b c d");
    assertThat(HeaderValues.unfold("a\\\r\n b\r\n\r\n c")).doesNotContain("\r").doesNotContain("\n");
  }

  @Test
  void agreesWithJakartaMailOnOrdinaryFoldedValues() {
    for (String v : new String[] {"a,\r\n b", "a \r\n\tb", "=?UTF-8?Q?S=C3=B6ren?=\r\n <s@x.se>", "x\r\n y\r\n z", "\r\n x", "a\n\tb", "a\r\n  b"}) {
      assertThat(HeaderValues.unfold(v)).isEqualTo(jakarta.mail.internet.MimeUtility.unfold(v));
    }
  }

  @Test
  void aToFieldOfManyFoldedLinesIsReadCompletelyAndInOrder() {
    StringBuilder raw = new StringBuilder("From: a@extern.se\r\nSubject: x\r\nTo: ");
    for (int i = 0; i < 5000; i++) raw.append(i == 0 ? "" : ",\r\n ").append("Person ").append(i).append(" <p").append(i).append("@x.se>");
    raw.append("\r\n\r\nHej\r\n");
    Email e = new MailReader().read(new ByteArrayInputStream(raw.toString().getBytes(StandardCharsets.US_ASCII)), "many.eml");
    assertThat(e.to()).hasSize(5000);
    assertThat(e.to().get(4999).address()).isEqualTo("p4999@x.se");
    assertThat(e.to().get(4999).displayName()).isEqualTo("Person 4999");
    assertThat(e.header("To").get(0)).doesNotContain("\n");
  }
}

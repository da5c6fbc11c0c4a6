package se.epostpolicy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.epostpolicy.facts.Zone;

class TextZonesTest {

  /** The zone of the line that contains {@code needle}. */
  private static Zone zoneOf(String text, String needle, boolean forward) {
    int at = text.indexOf(needle);
    assertThat(at).as("text contains %s", needle).isGreaterThanOrEqualTo(0);
    return TextZones.zoneAt(TextZones.split(text, forward), at);
  }

  @Test
  void outlookReplyBlockIsQuotedHistory() {
    String text = """
        Hej Karin,

        Tack, jag tittar på det i morgon.

        Med vänlig hälsning
        Per Lindqvist
        Sjuksköterska, Vårdcentralen Kil
        Tel 054-61 00 00

        Från: Nils Nilsson <nils.n@gmail.com>
        Skickat: den 12 mars 2024 10:14
        Till: Per Lindqvist <per.lindqvist@regionvarmland.se>
        Ämne: Mina provsvar

        Hej, jag har fått diagnosen E11.9 och undrar över mitt HbA1c.
        Mvh Nils Nilsson
        """;
    assertThat(zoneOf(text, "Tack, jag tittar", false)).isEqualTo(Zone.OWN_TEXT);
    assertThat(zoneOf(text, "Per Lindqvist\n", false)).isEqualTo(Zone.SIGNATURE);
    assertThat(zoneOf(text, "Tel 054", false)).isEqualTo(Zone.SIGNATURE);
    assertThat(zoneOf(text, "Från: Nils", false)).isEqualTo(Zone.QUOTED);
    assertThat(zoneOf(text, "diagnosen E11.9", false)).isEqualTo(Zone.QUOTED);
    assertThat(zoneOf(text, "diagnosen E11.9", true)).isEqualTo(Zone.FORWARDED);
  }

  @Test
  void attributionWrappedOverTwoLinesStartsQuotedLines() {
    String text = """
        Ja, det stämmer.

        Den tis 12 mars 2024 kl 10:14 skrev Anna Berg <
        anna.berg@example.se>:
        > Har patienten fått sin remiss?
        > /Anna

        Och en sak till, under citatet.
        """;
    assertThat(zoneOf(text, "Ja, det stämmer", false)).isEqualTo(Zone.OWN_TEXT);
    assertThat(zoneOf(text, "anna.berg@example.se>:", false)).isEqualTo(Zone.QUOTED);
    assertThat(zoneOf(text, "> Har patienten", false)).isEqualTo(Zone.QUOTED);
    assertThat(zoneOf(text, "Och en sak till", false)).as("an inline answer stays the author's").isEqualTo(Zone.OWN_TEXT);
  }

  @Test
  void englishAttributionWithoutQuoteMarksMakesTheRestHistory() {
    String text = """
        Thanks, noted.

        On Tue, 12 Mar 2024 at 10:14, John Smith <john@example.com> wrote:
        The patient was admitted yesterday.
        """;
    assertThat(zoneOf(text, "The patient was admitted", false)).isEqualTo(Zone.QUOTED);
  }

  @Test
  void forwardSeparatorsMakeForwardedHistory() {
    for (String sep : List.of("---------- Vidarebefordrat meddelande ---------", "Begin forwarded message:",
        "---------- Forwarded message ---------")) {
      String text = "FYI\n\n" + sep + "\nFrom: A <a@b.se>\nDate: 1 mars\nSubject: x\n\nTexten i det vidarebefordrade.\n";
      assertThat(zoneOf(text, "Texten i det", false)).as(sep).isEqualTo(Zone.FORWARDED);
      assertThat(zoneOf(text, "FYI", false)).as(sep).isEqualTo(Zone.OWN_TEXT);
    }
  }

  @Test
  void aHeaderBlockRunTogetherOnOneLineStartsHistory() {
    String text = "Ok!\nFrom: Anna Berg <a@b.se> Sent: Monday, March 11 To: Per Subject: Re: provsvar\nMina provsvar kom i dag.\n";
    assertThat(zoneOf(text, "Mina provsvar", false)).isEqualTo(Zone.QUOTED);
    assertThat(zoneOf(text, "Ok!", false)).isEqualTo(Zone.OWN_TEXT);
  }

  @Test
  void originalMessageSeparatorIsQuoted() {
    String text = "Svar nedan.\n\n-----Original Message-----\nFrom: A\nSent: Monday\nTo: B\nSubject: x\n\nFrågan.\n";
    assertThat(zoneOf(text, "Frågan.", false)).isEqualTo(Zone.QUOTED);
  }

  @Test
  void disclaimersAreFoundInOwnTextAndHistory() {
    String text = """
        Hej, bifogar protokollet.

        Hälsningar
        Eva

        Detta e-postmeddelande kan innehålla konfidentiell information. Om du inte är rätt mottagare, radera meddelandet.

        When you send e-mail to us, personal data is processed according to GDPR.
        """;
    assertThat(zoneOf(text, "Detta e-postmeddelande kan", false)).isEqualTo(Zone.DISCLAIMER);
    assertThat(zoneOf(text, "personal data is processed", false)).isEqualTo(Zone.DISCLAIMER);
    assertThat(zoneOf(text, "bifogar protokollet", false)).isEqualTo(Zone.OWN_TEXT);
  }

  @Test
  void trailingContactBlockWithoutClosingIsASignature() {
    String text = """
        Mötet flyttas till torsdag kl 13 i stora salen.

        Lena Ek
        Enhetschef, Barn- och ungdomspsykiatrin
        Telefon: 035-13 40 00
        lena.ek@regionhalland.se
        """;
    assertThat(zoneOf(text, "Mötet flyttas", false)).isEqualTo(Zone.OWN_TEXT);
    assertThat(zoneOf(text, "Lena Ek", false)).isEqualTo(Zone.SIGNATURE);
    assertThat(zoneOf(text, "Enhetschef", false)).isEqualTo(Zone.SIGNATURE);
  }

  @Test
  void closingFollowedByLongTextIsNoSignature() {
    String text = "Hälsningar\n" + "Detta är en lång rad som fortsätter brevet och inte hör till någon signatur alls, utan är innehåll som ska läsas.\n";
    assertThat(zoneOf(text, "Detta är en lång", false)).isEqualTo(Zone.OWN_TEXT);
  }

  @Test
  void plainTextWithoutStructureIsOwnText() {
    String text = "Patienten har fått diagnosen F32.1.\nVi behöver ett svar.";
    assertThat(TextZones.split(text, false)).containsExactly(new TextZones.Span(Zone.OWN_TEXT, 0, text.length()));
  }

  @Test
  void spansCoverTheTextInOrder() {
    String text = "a\n> b\nc\n-- \nd\n";
    List<TextZones.Span> spans = TextZones.split(text, false);
    assertThat(spans.get(0).start()).isZero();
    assertThat(spans.get(spans.size() - 1).end()).isEqualTo(text.length());
    for (int i = 1; i < spans.size(); i++) assertThat(spans.get(i).start()).isEqualTo(spans.get(i - 1).end());
  }
}

package se.epostpolicy.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import se.epostpolicy.facts.Zone;

/**
 * Splits the text of a mail body into the {@link Zone}s of its structure: the author's own text,
 * quoted history, forwarded messages, the signature block and disclaimers. Works on lines, on the
 * forms Swedish and English clients write: {@code >} quoting, "Den … skrev:" and "On … wrote:"
 * attributions (also wrapped over lines), Outlook's "Från:/Skickat:/Till:/Ämne:" header blocks
 * (also after a line of underscores), "-----Original Message-----", "Vidarebefordrat meddelande"
 * and "Begin forwarded message:" separators; signatures after "-- " or a closing phrase, or as a
 * trailing block of contact lines; disclaimers as paragraphs of the standard wording.
 *
 * <p>Everything after the first history block that is not {@code >}-quoted is history: real
 * replies put the older messages last. Inline answers between {@code >} lines stay the author's.
 *
 * <p>Written here rather than taken from a library: the reply parsers that exist (GitHub's
 * email_reply_parser and its ports, Mailgun's talon) know English "On … wrote:" and {@code >}
 * quoting but not Outlook's Swedish header blocks, Swedish closings or disclaimers, and the Java
 * port is not on Maven Central. Tested on the real replies and forwards of the shared corpus.
 *
 * @since 0.2
 */
public final class TextZones {

  /**
   * A stretch of text in one zone.
   *
   * @param zone the zone
   * @param start first character (inclusive)
   * @param end last character (exclusive)
   */
  public record Span(Zone zone, int start, int end) {
    public Span {
      Objects.requireNonNull(zone, "zone");
    }
  }

  private static final Pattern QUOTE_LINE = Pattern.compile("^\\s{0,3}(?:>|&gt;)");
  private static final Pattern FORWARD_SEPARATOR = Pattern.compile(
      "(?i)^\\s*(?:-{2,}|={2,}|_{2,})?\\s*(?:forwarded message|vidarebefordrat meddelande|videresendt melding|"
          + "weitergeleitete nachricht|message transféré|välitetty viesti)\\s*(?:-{2,}|={2,}|_{2,})?\\s*:?\\s*$"
          + "|(?i)^\\s*(?:begin forwarded message|start of forwarded message|vidarebefordrat meddelande börjar)\\s*:?\\s*$");
  private static final Pattern ORIGINAL_SEPARATOR = Pattern.compile(
      "(?i)^\\s*-{2,}\\s*(?:original message|ursprungligt meddelande|originalmeddelande|opprinnelig melding|"
          + "ursprüngliche nachricht|message d'origine|alkuperäinen viesti)\\s*-{2,}\\s*$");
  private static final Pattern RULE_LINE = Pattern.compile("^\\s*_{8,}\\s*$");
  private static final Pattern HEADER_FROM = Pattern.compile(
      "(?i)^\\s*\\*?\\s*(?:från|from|von|de|fra|lähettäjä|avsändare)\\s*\\*?\\s*:\\s*\\*?\\s*\\S.*");
  private static final Pattern HEADER_SENT = Pattern.compile(
      "(?i)^\\s*\\*?\\s*(?:skickat|skickades|sent|datum|date|gesendet|envoyé|sendt|lähetetty)\\s*\\*?\\s*:.*");
  /** "From: A Sent: B To: C Subject: D" run together on one line, as some clients flatten the block. */
  private static final Pattern HEADER_ON_ONE_LINE = Pattern.compile(
      "(?i)\\b(?:skickat|sent|datum|date|gesendet)\\s*:.{1,200}\\b(?:till|to|an|ämne|subject|betreff)\\s*:");
  private static final Pattern HEADER_OTHER = Pattern.compile(
      "(?i)^\\s*\\*?\\s*(?:till|to|an|à|ämne|subject|betreff|objet|emne|aihe|kopia|cc)\\s*\\*?\\s*:.*");
  private static final Pattern ATTRIBUTION_START = Pattern.compile(
      "(?iu)^\\s*(?:den|on|am|le|op|på|le|el)\\b.*|^\\s*\\d{1,4}[-./]\\d{1,2}[-./]\\d{1,4}.*|^.*<[^>\\s]+@[^>\\s]+>.*");
  private static final Pattern ATTRIBUTION_END = Pattern.compile(
      "(?iu).*\\b(?:skrev|wrote|schrieb|a écrit|schreef|skrev følgende|kirjoitti|escribió)(?:\\s*:?|\\s.{0,120}:)\\s*$");
  private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^-{2,}\\s?$|^—\\s*$|^__\\s*$");
  private static final Pattern CLOSING = Pattern.compile(
      "(?iu)^\\s*(?:med vänlig(?:a)? hälsning(?:ar)?|vänlig(?:a)? hälsning(?:ar)?|varma hälsningar|bästa hälsningar|"
          + "hälsningar|hälsning|mvh\\.?|m\\.v\\.h\\.?|vh|allt gott|ha det (?:gott|bra)|hälsar|tack på förhand|tack och hälsningar|"
          + "best regards|kind regards|warm regards|regards|best wishes|best|many thanks|thanks(?: again)?|thank you|sincerely|"
          + "yours sincerely|yours faithfully|cheers|mit freundlichen grüßen|viele grüße)\\s*[,.!]?\\s*(?:/\\s*\\p{L}.*)?$");
  private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
      "(?iu)^\\s*(?:skickat från min|sent from my|skickat från|sent from|hämta outlook för|get outlook for)\\b.{0,60}$");
  private static final Pattern CONTACT_LINE = Pattern.compile(
      "(?iu)(?:\\b(?:tel|telefon|tfn|mobil|mob|växel|direkt|fax|phone|mobile|cell|e-?post|e-?mail|mail|webb|web|besöksadress|postadress|"
          + "adress|address)\\b\\.?\\s*:?)|(?:\\+46|\\b0\\d{1,3})[\\s-]?\\d{2,3}[\\s-]?\\d{2}[\\s-]?\\d{2}\\b|\\bwww\\.|https?://|"
          + "[\\w.+-]+@[\\w-]+\\.[\\w.-]+|\\b\\d{3}\\s?\\d{2}\\s+\\p{Lu}\\p{L}+");
  private static final Pattern DISCLAIMER = Pattern.compile(
      "(?iu)(?:intended (?:solely )?(?:only )?for the (?:use of the )?(?:addressee|recipient)|not the intended recipient|"
          + "received this (?:e-?mail|message|communication) in error|may contain (?:confidential|privileged|proprietary)|"
          + "(?:this|the) (?:e-?mail|message|communication)(?: and any attachments?)? (?:is|are|may be) (?:confidential|privileged|intended)|"
          + "avsett (?:endast |enbart )?för (?:mottagaren|adressaten)|inte är (?:den )?(?:avsedda? |rätt(?:a)? )?mottagare|"
          + "(?:fått|erhållit|mottagit) (?:detta|det här) (?:e-?post(?:meddelande)?|e-?brev|mejl|mail|meddelande) (?:av misstag|felaktigt|i misstag)|"
          + "(?:av misstag|felaktigt) (?:har )?(?:fått|erhållit|mottagit)|"
          + "(?:kan|får|kommer att) innehålla (?:konfidentiell|sekretessbelagd|känslig|skyddad)|"
          + "(?:e-?post(?:meddelande)?|meddelande|mejl|mail)(?:et)? (?:kan|får) (?:komma att )?(?:innehålla|omfattas)|"
          + "behandlar (?:vi )?(?:dina )?personuppgifter|hur vi behandlar personuppgifter|dataskyddsförordningen|gdpr|"
          + "personal data (?:is|are) processed|how we (?:process|handle) (?:your )?personal data|"
          + "tänk på miljön|think (?:about|of) the environment|please consider the environment|"
          + "(?:e-?post|mejl|mail)(?:et)? (?:till|från) [\\p{L} ]{2,40} (?:blir|kan bli) (?:allmän handling|allmänna handlingar)|"
          + "blir (?:allmän handling|allmänna handlingar)(?: och kan komma att lämnas ut)?|offentlighetsprincipen)");
  private static final Pattern SIGN_OFF_NAME = Pattern.compile(
      "^\\s*(?:/|//|--?|–)?\\s*\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]*\\.?){0,2}\\s*$");
  /** "För Torsby kommun", "On behalf of the board": who signs, just above the names. */
  private static final Pattern SIGN_OFF_FOR = Pattern.compile("(?iu)^\\s*(?:för|on behalf of|for)\\s+\\p{L}[\\p{L} -]{2,50}$");
  private static final int MAX_SIGNATURE_LINES = 14;
  private static final int MAX_SIGNATURE_LINE = 90;

  private TextZones() {}

  /**
   * The zones of {@code text}, in order, covering it whole.
   *
   * @param text a body text with its line breaks
   * @param forward the message is a forward, so an unlabelled history block (an Outlook header
   *     block) is a forwarded message rather than a quoted one
   */
  public static List<Span> split(String text, boolean forward) {
    Objects.requireNonNull(text, "text");
    List<Line> lines = lines(text);
    Zone[] zones = new Zone[lines.size()];
    int historyStart = lines.size();
    Zone historyZone = forward ? Zone.FORWARDED : Zone.QUOTED;
    for (int i = 0; i < lines.size(); i++) {
      String s = lines.get(i).text;
      if (FORWARD_SEPARATOR.matcher(s).matches()) {
        historyStart = i;
        historyZone = Zone.FORWARDED;
        break;
      }
      if (ORIGINAL_SEPARATOR.matcher(s).matches() || headerBlockAt(lines, i)
          || RULE_LINE.matcher(s).matches() && headerBlockAt(lines, nextNonBlank(lines, i + 1))) {
        historyStart = i;
        break;
      }
      int attribution = attributionEnd(lines, i);
      if (attribution >= 0) {
        // "Den … skrev:" followed by unquoted text (Outlook on the web, Apple Mail): the rest is history.
        int next = nextNonBlank(lines, attribution + 1);
        if (next < lines.size() && !QUOTE_LINE.matcher(lines.get(next).text).find()) {
          historyStart = i;
          break;
        }
        for (int j = i; j <= attribution; j++) zones[j] = Zone.QUOTED;
        i = attribution;
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      if (i >= historyStart) zones[i] = historyZone;
      else if (zones[i] == null && QUOTE_LINE.matcher(lines.get(i).text).find()) zones[i] = Zone.QUOTED;
    }
    markDisclaimers(lines, zones);
    markSignature(lines, zones, Math.min(historyStart, lines.size()));
    for (int i = 0; i < zones.length; i++) if (zones[i] == null) zones[i] = Zone.OWN_TEXT;
    return spans(lines, zones, text.length());
  }

  /** The zone of the character at {@code offset}, given the spans of its text. */
  public static Zone zoneAt(List<Span> spans, int offset) {
    for (Span s : spans) if (offset >= s.start() && offset < s.end()) return s.zone();
    return spans.isEmpty() ? Zone.OWN_TEXT : spans.get(spans.size() - 1).zone();
  }

  /** An Outlook-style header block ("Från:" then "Skickat:" and "Till:/Ämne:") starts at line {@code i}. */
  private static boolean headerBlockAt(List<Line> lines, int i) {
    if (i >= lines.size() || !HEADER_FROM.matcher(lines.get(i).text).matches()) return false;
    if (HEADER_ON_ONE_LINE.matcher(lines.get(i).text).find()) return true;
    boolean sent = false;
    boolean other = false;
    for (int j = i + 1; j < Math.min(lines.size(), i + 7); j++) {
      String s = lines.get(j).text;
      if (HEADER_SENT.matcher(s).matches()) sent = true;
      else if (HEADER_OTHER.matcher(s).matches()) other = true;
    }
    return sent && other;
  }

  /** The last line of an attribution ("Den 12 mars 2024 kl. 10:14 skrev …:") starting at {@code i}, or -1. */
  private static int attributionEnd(List<Line> lines, int i) {
    String first = lines.get(i).text;
    if (first.isBlank() || !ATTRIBUTION_START.matcher(first).matches()) return -1;
    StringBuilder joined = new StringBuilder();
    for (int j = i; j < Math.min(lines.size(), i + 3); j++) {
      String s = lines.get(j).text;
      if (s.isBlank() || QUOTE_LINE.matcher(s).find()) return -1;
      joined.append(j > i ? " " : "").append(s.strip());
      if (joined.length() > 300) return -1;
      if (ATTRIBUTION_END.matcher(joined).matches()) return j;
    }
    return -1;
  }

  /**
   * The signature of the author's own text: after a "-- " line, after a closing phrase, a
   * mobile-client line, or a trailing block of short contact lines before the history.
   */
  private static void markSignature(List<Line> lines, Zone[] zones, int end) {
    int start = -1;
    for (int i = 0; i < end; i++) {
      if (zones[i] != null) continue;
      String s = lines.get(i).text;
      if (SIGNATURE_DELIMITER.matcher(s).matches() || MOBILE_SIGNATURE.matcher(s).matches()) {
        start = i;
        break;
      }
      if (CLOSING.matcher(s).matches() && signatureBlockFollows(lines, zones, i + 1, end)) {
        start = i;
        break;
      }
    }
    if (start < 0) start = trailingContactBlock(lines, zones, end);
    if (start < 0) start = trailingName(lines, zones, end);
    if (start < 0) return;
    int counted = 0;
    for (int i = start; i < end; i++) {
      if (zones[i] == Zone.DISCLAIMER) continue;
      if (zones[i] != null) break;
      String s = lines.get(i).text;
      if (!s.isBlank() && ++counted > MAX_SIGNATURE_LINES) break;
      zones[i] = Zone.SIGNATURE;
    }
  }

  /** After a closing phrase: a few short lines (name, title, phone) and nothing long, up to the end. */
  private static boolean signatureBlockFollows(List<Line> lines, Zone[] zones, int from, int end) {
    int nonBlank = 0;
    for (int i = from; i < end && zones[i] == null; i++) {
      String s = lines.get(i).text.strip();
      if (s.isEmpty()) continue;
      if (s.length() > MAX_SIGNATURE_LINE && !DISCLAIMER.matcher(s).find()) return false;
      nonBlank++;
    }
    return nonBlank <= MAX_SIGNATURE_LINES + 10;
  }

  /**
   * A block of short lines at the end of the author's text of which at least two carry contact
   * details; it may span a few blank-separated blocks (name and title, then the organisation's
   * address) and takes in a sign-off just above it ("/Nils", "För Torsby kommun").
   */
  private static int trailingContactBlock(List<Line> lines, Zone[] zones, int end) {
    int last = end - 1;
    while (last >= 0 && (zones[last] == Zone.DISCLAIMER || zones[last] == null && lines.get(last).text.isBlank())) last--;
    if (last >= 0 && zones[last] != null) return -1;
    if (last < 0) return -1;
    int contact = 0;
    int first = -1;
    int counted = 0;
    for (int i = last; i >= 0 && counted < MAX_SIGNATURE_LINES + 4; i--) {
      if (zones[i] != null) break;
      String s = lines.get(i).text.strip();
      if (s.isEmpty()) continue;
      boolean contactLine = CONTACT_LINE.matcher(s).find();
      if (s.length() > 70 || !contactLine && (s.endsWith(".") || s.endsWith("?") || s.endsWith("!") || s.endsWith(":"))) break;
      if (contactLine) contact++;
      first = i;
      counted++;
    }
    if (contact < 2 || first < 0) return -1;
    int above = first - 1;
    while (above >= 0 && zones[above] == null && lines.get(above).text.isBlank()) above--;
    if (above >= 0 && zones[above] == null && (SIGN_OFF_NAME.matcher(lines.get(above).text).matches()
        || CLOSING.matcher(lines.get(above).text).matches() || SIGN_OFF_FOR.matcher(lines.get(above).text).matches())) {
      return above;
    }
    return first;
  }

  /** The author's text ends in a line that is only a name ("Lotta", "/Per Ek", "Anna B."): a sign-off. */
  private static int trailingName(List<Line> lines, Zone[] zones, int end) {
    int last = end - 1;
    while (last >= 0 && (zones[last] == Zone.DISCLAIMER || zones[last] == null && lines.get(last).text.isBlank())) last--;
    if (last <= 0 || zones[last] != null) return -1;
    return SIGN_OFF_NAME.matcher(lines.get(last).text).matches() ? last : -1;
  }

  /** Paragraphs in the standard wording of a footer, in any zone but quoted lines' own text. */
  private static void markDisclaimers(List<Line> lines, Zone[] zones) {
    int i = 0;
    while (i < lines.size()) {
      while (i < lines.size() && lines.get(i).text.isBlank()) i++;
      int start = i;
      StringBuilder paragraph = new StringBuilder();
      while (i < lines.size() && !lines.get(i).text.isBlank()) {
        paragraph.append(QUOTE_LINE.matcher(lines.get(i).text).replaceFirst("").strip()).append(' ');
        i++;
      }
      if (start < i && paragraph.length() < 1500 && mayBeDisclaimer(paragraph) && DISCLAIMER.matcher(paragraph).find()) {
        for (int j = start; j < i; j++) zones[j] = Zone.DISCLAIMER;
      }
    }
  }

  /** Words every disclaimer wording holds one of: the full expression runs only where one stands. */
  private static final List<String> DISCLAIMER_ANCHORS = List.of("mottagare", "recipient", "misstag", "felaktigt", "error",
      "innehålla", "contain", "personuppgift", "personal data", "miljön", "environment", "allmän", "offentlighetsprincip",
      "gdpr", "dataskydd", "avsett", "intended", "omfattas", "confidential", "privileged");

  private static boolean mayBeDisclaimer(CharSequence paragraph) {
    String lower = paragraph.toString().toLowerCase(java.util.Locale.ROOT);
    for (String a : DISCLAIMER_ANCHORS) if (lower.contains(a)) return true;
    return false;
  }

  private static int nextNonBlank(List<Line> lines, int from) {
    int i = from;
    while (i < lines.size() && lines.get(i).text.isBlank()) i++;
    return i;
  }

  private record Line(String text, int start, int end) {}

  private static List<Line> lines(String text) {
    List<Line> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        int end = i;
        String s = text.substring(start, end);
        if (s.endsWith("\r")) s = s.substring(0, s.length() - 1);
        out.add(new Line(s, start, Math.min(text.length(), i + 1)));
        start = i + 1;
      }
    }
    return out;
  }

  private static List<Span> spans(List<Line> lines, Zone[] zones, int length) {
    List<Span> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      int end = Math.min(length, l.end);
      if (end <= l.start && !(out.isEmpty() && length == 0)) continue;
      if (!out.isEmpty() && out.get(out.size() - 1).zone() == zones[i] && out.get(out.size() - 1).end() == l.start) {
        Span last = out.remove(out.size() - 1);
        out.add(new Span(last.zone(), last.start(), end));
      } else {
        out.add(new Span(zones[i], l.start, end));
      }
    }
    if (out.isEmpty()) out.add(new Span(Zone.OWN_TEXT, 0, length));
    return List.copyOf(out);
  }
}

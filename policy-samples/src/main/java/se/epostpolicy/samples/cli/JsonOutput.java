package se.epostpolicy.samples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import se.epostpolicy.engine.Decision;
import se.epostpolicy.facts.ContentLoss;
import se.epostpolicy.engine.Hit;
import se.epostpolicy.engine.Notice;
import se.epostpolicy.engine.Verdict;
import se.epostpolicy.facts.Marker;

/** One JSON object per message per line (JSON Lines), escaped so that printing it on a terminal is safe. */
final class JsonOutput implements Output {

  private static final ObjectMapper JSON = new ObjectMapper(new JsonFactory().setCharacterEscapes(new TerminalSafeEscapes()));
  private final PrintWriter out;

  JsonOutput(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void decision(Decision d) {
    ObjectNode o = base(d.source(), d.pack());
    o.put("direction", d.direction().name());
    o.put("mayBeSent", d.mayBeSent());
    ArrayNode verdicts = o.putArray("verdicts");
    for (Verdict v : d.verdicts()) verdicts.add(v.name());
    ArrayNode notices = o.putArray("notices");
    for (Notice n : d.notices()) notices.add(n.name());
    ArrayNode hits = o.putArray("hits");
    for (Hit h : d.hits()) {
      ObjectNode hit = hits.addObject();
      hit.put("rule", h.ruleId());
      hit.put("outcome", h.outcome().name());
      hit.put("citation", h.citation().toString());
      hit.put("reason", h.reason());
      hit.put("suppressed", h.suppressed());
      if (h.suppressed()) hit.put("suppressedBy", h.suppressedBy());
    }
    ArrayNode markers = o.putArray("markers");
    for (Marker m : d.markers()) {
      ObjectNode marker = markers.addObject();
      marker.put("type", m.type().name());
      marker.put("location", m.location().name());
      marker.put("zone", m.zone().name());
      marker.put("confidence", m.confidence().name());
      marker.put("evidence", m.evidence());
      if (!m.attachmentName().isEmpty()) marker.put("attachment", m.attachmentName());
    }
    ArrayNode unread = o.putArray("unread");
    for (ContentLoss l : d.unread()) {
      ObjectNode part = unread.addObject();
      part.put("part", l.part());
      part.put("status", l.status().name());
      part.put("reason", l.reason());
    }
    ArrayNode warnings = o.putArray("warnings");
    d.warnings().forEach(warnings::add);
    o.putNull("error");
    print(o);
  }

  @Override
  public void failure(String source, String policy, String error) {
    ObjectNode o = base(source, policy);
    o.putNull("direction");
    o.put("mayBeSent", false);
    o.putArray("verdicts");
    o.putArray("notices");
    o.putArray("hits");
    o.putArray("markers");
    o.putArray("unread");
    o.putArray("warnings");
    o.put("error", error);
    print(o);
  }

  @Override
  public void summary(int evaluated, int failed) {
    // JSON Lines carry no summary: the exit code says whether every message was evaluated.
  }

  private static ObjectNode base(String source, String policy) {
    ObjectNode o = JSON.createObjectNode();
    o.put("source", source);
    o.put("pack", policy);
    return o;
  }

  /**
   * Jackson escapes only C0 and the quote and backslash; DEL, C1, the line and paragraph separators
   * and the bidi and other format characters of {@link Terminal#unsafe} would reach a terminal raw.
   */
  private static final class TerminalSafeEscapes extends CharacterEscapes {
    private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

    TerminalSafeEscapes() {
      ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      // Surrogates come one half at a time: a pair is a character such as an emoji and stays.
      return Terminal.unsafe(ch) && !Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }

  private void print(ObjectNode o) {
    try {
      out.println(JSON.writeValueAsString(o));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package se.epostpolicy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How the project's YAML files (manifests, vocabularies, regression suites) read a value that may
 * be one item or a list. Not API: it may change or move without notice.
 */
public final class YamlValues {

  private YamlValues() {}

  /** The texts of {@code node}: a list's items, or a single value as a list of one; empty when absent. */
  public static List<String> strings(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return new ArrayList<>();
    List<String> out = new ArrayList<>();
    if (!node.isArray()) {
      out.add(node.asText());
      return out;
    }
    node.forEach(n -> out.add(n.asText()));
    return out;
  }
}

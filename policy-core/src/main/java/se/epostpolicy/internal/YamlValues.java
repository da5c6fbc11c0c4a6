package se.epostpolicy.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the project's YAML files (manifests, vocabularies, regression suites) read a value that may
 * be one item or a list. Not API: it may change or move without notice.
 */
public final class YamlValues {

  /** The one YAML reader of the project's files; thread-safe once configured. */
  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private YamlValues() {}

  /** A YAML mapping as plain values (strings, numbers, lists, maps). */
  public static Map<String, Object> map(JsonNode mapping) {
    return YAML.convertValue(mapping, MAP);
  }

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

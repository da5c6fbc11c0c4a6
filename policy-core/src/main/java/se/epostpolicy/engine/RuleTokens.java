package se.epostpolicy.engine;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The allow-lists a piece of rule text is held to when rules may not run code of their own: what a
 * consequence, a condition expression, a metadata value and an attribute value may consist of.
 * Works on tokens (names, numbers, quoted text, symbols), so comments and quoted text never pass
 * for code and code never hides in them.
 */
final class RuleTokens {

  private RuleTokens() {}

  enum Kind { NAME, NUMBER, TEXT, SYMBOL }

  /** One token and where it starts in its fragment. */
  record Token(Kind kind, String text, int offset) {
    boolean is(String s) {
      return kind != Kind.TEXT && text.equals(s);
    }
  }

  /**
   * Where a fragment leaves its allow-list.
   *
   * @param offset the character in the fragment where it does
   * @param what what it does there, for the rule author
   */
  record Breach(int offset, String what) {}

  /** Symbols a condition may use: comparison, logic, arithmetic, grouping, navigation, binding. */
  private static final Set<String> CONDITION_SYMBOLS = Set.of("(", ")", "[", "]", ",", ".", "!", "&&", "||", "==", "!=",
      "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "?", ":", ":=");
  private static final List<String> LONG_SYMBOLS = List.of(">>>=", "<<=", ">>=", ">>>", "&&", "||", "==", "!=", "<=",
      ">=", ":=", "->", "::", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>");
  /** Java reads {@code \}{@code u0022} as a quote before it reads the code: inside text or a comment it can end either. */
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");

  static List<Token> tokens(String code) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = code.length();
    while (i < n) {
      char c = code.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (code.startsWith("//", i)) {
        int nl = code.indexOf('\n', i);
        i = nl < 0 ? n : nl;
      } else if (code.startsWith("/*", i)) {
        int end = code.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && code.charAt(j) != c) j += code.charAt(j) == '\\' ? 2 : 1;
        j = Math.min(j + 1, n);
        out.add(new Token(Kind.TEXT, code.substring(i, j), i));
        i = j;
      } else if (Character.isJavaIdentifierStart(c)) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(code.charAt(j))) j++;
        out.add(new Token(Kind.NAME, code.substring(i, j), i));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '_'
            || (code.charAt(j) == '.' && j + 1 < n && Character.isDigit(code.charAt(j + 1))))) j++;
        out.add(new Token(Kind.NUMBER, code.substring(i, j), i));
        i = j;
      } else {
        final int at = i;
        String symbol = LONG_SYMBOLS.stream().filter(s -> code.startsWith(s, at)).findFirst().orElse(String.valueOf(c));
        out.add(new Token(Kind.SYMBOL, symbol, i));
        i += symbol.length();
      }
    }
    return out;
  }

  /**
   * The statements of a consequence that do anything but record outcomes; empty when it only
   * calls {@code global.to(drools, Verdict.X, Notice.Y, …)}.
   */
  static List<Breach> outcomeStatements(String consequence, String global) {
    List<Breach> out = new ArrayList<>();
    Optional<Breach> escape = unicodeEscape(consequence);
    if (escape.isPresent()) return List.of(escape.get());
    List<Token> t = tokens(consequence);
    int i = 0;
    while (i < t.size()) {
      int end = outcomeCall(t, i, global);
      if (end > 0) {
        i = end;
        continue;
      }
      int stop = statementEnd(t, i);
      Token last = t.get(stop - 1);
      out.add(new Breach(t.get(i).offset(), excerpt(consequence.substring(t.get(i).offset(), last.offset() + last.text().length()))));
      i = stop;
    }
    return out;
  }

  /** The index after {@code global.to(drools, Type.NAME, …);} starting at {@code i}, or -1. */
  private static int outcomeCall(List<Token> t, int i, String global) {
    String[] head = {global, ".", "to", "(", "drools"};
    for (String h : head) {
      if (i >= t.size() || !t.get(i).is(h)) return -1;
      i++;
    }
    int outcomes = 0;
    while (i + 3 < t.size() && t.get(i).is(",") && (t.get(i + 1).is("Verdict") || t.get(i + 1).is("Notice"))
        && t.get(i + 2).is(".") && t.get(i + 3).kind() == Kind.NAME) {
      i += 4;
      outcomes++;
    }
    if (outcomes == 0 || i >= t.size() || !t.get(i).is(")")) return -1;
    i++;
    if (i < t.size() && t.get(i).is(";")) return i + 1;
    return i == t.size() ? i : -1; // the mvel dialect lets the last statement go without ';'
  }

  private static int statementEnd(List<Token> t, int i) {
    int depth = 0;
    for (int j = i; j < t.size(); j++) {
      String s = t.get(j).kind() == Kind.SYMBOL ? t.get(j).text() : "";
      if (s.equals("(") || s.equals("{") || s.equals("[")) depth++;
      if (s.equals(")") || s.equals("}") || s.equals("]")) depth--;
      if (depth <= 0 && (s.equals(";") || s.equals("}"))) return j + 1;
    }
    return t.size();
  }

  /** What a rule file makes of the names in its conditions. */
  interface Names {
    /** The class {@code name} (simple, as the file's imports resolve it, or qualified) stands for, or null. */
    Class<?> type(String name);

    /** Whether a rule may name {@code type}: a type of the fact model, or an outcome or context type. */
    boolean nameable(Class<?> type);

    /** Whether {@code name} may start a navigation: a binding of the rule, or an accessor of the fact model. */
    boolean root(String name);

    /** Whether {@code name} may follow a dot: an accessor of the fact model. */
    boolean property(String name);

    /**
     * Whether {@code name}, though no property of the fact model, reaches a method or field of
     * something a condition can reach (an object's {@code getClass}, a set's {@code clear}); a
     * name that reaches nothing is a typo, for the compiler to report.
     */
    boolean member(String name);
  }

  /** Words of the condition language that read like names. */
  private static final Set<String> CONDITION_WORDS = Set.of("this", "null", "true", "false", "contains", "not", "matches",
      "memberOf", "soundslike", "excludes", "in", "instanceof", "str", "startsWith", "endsWith");

  /**
   * The first thing in a condition expression (a constraint, {@code eval}, {@code from}, an
   * accumulate argument) that is not a comparison of the fact model's properties, the rule's
   * bindings, constants of the rule's types and literals: a method call, {@code new}, a symbol no
   * comparison uses, a type outside the vocabulary, or a method reached as a property (mvel calls a
   * method without arguments when a name after a dot matches it, so {@code markers.clear} would
   * clear, and {@code x.getClass} reach for reflection).
   */
  static Optional<Breach> conditionBreach(String expression, Names names) {
    Optional<Breach> escape = unicodeEscape(expression);
    if (escape.isPresent()) return escape;
    List<Token> t = tokens(expression);
    boolean[] inChain = new boolean[t.size()];
    for (int i = 0; i < t.size(); i++) {
      Token k = t.get(i);
      if (k.kind() == Kind.SYMBOL && !CONDITION_SYMBOLS.contains(k.text())) {
        return Optional.of(new Breach(k.offset(), "uses '" + k.text() + "', which is no part of a condition"));
      }
      if (k.kind() != Kind.NAME || inChain[i]) continue;
      if (k.is("new")) return Optional.of(new Breach(k.offset(), "creates an object (new)"));
      boolean afterDot = i > 0 && t.get(i - 1).is(".");
      List<String> parts = new ArrayList<>(List.of(k.text()));
      int j = i;
      while (j + 2 < t.size() && t.get(j + 1).is(".") && t.get(j + 2).kind() == Kind.NAME) {
        j += 2;
        inChain[j] = true;
        parts.add(t.get(j).text());
      }
      String chain = (afterDot ? "." : "") + String.join(".", parts);
      if (j + 1 < t.size() && t.get(j + 1).is("(") && !(parts.size() == 1 && !afterDot && k.is("in"))) {
        return Optional.of(new Breach(k.offset(), "calls " + chain + "(…)"));
      }
      if (!afterDot && parts.size() == 1 && j + 1 < t.size() && (t.get(j + 1).is(":") || t.get(j + 1).is(":="))
          && (i == 0 || t.get(i - 1).is(",") || t.get(i - 1).is("("))) {
        continue; // declares a binding: "$limit : bccThreshold"
      }
      // After ")." or "]." the chain goes on from a value, not from a name.
      Optional<String> what = afterDot ? properties(parts, 0, names) : chainBreach(parts, names);
      if (what.isPresent()) return Optional.of(new Breach(k.offset(), what.get()));
    }
    return Optional.empty();
  }

  /** What is wrong with one dotted name in a condition, if anything. */
  private static Optional<String> chainBreach(List<String> parts, Names names) {
    Class<?> type = null;
    int next = 1;
    if (Character.isUpperCase(parts.get(0).charAt(0))) {
      type = names.type(parts.get(0));
      if (type == null) return Optional.empty(); // no such class: the compiler says so
      if (!names.nameable(type)) return Optional.of("names " + parts.get(0) + ", which is not a type of the fact model or the outcomes");
    } else {
      for (int p = 2; p <= parts.size() && type == null; p++) {
        type = names.type(String.join(".", parts.subList(0, p)));
        next = p;
      }
      if (type != null && !names.nameable(type)) {
        return Optional.of("names the class " + type.getName() + ", which is not a type of the fact model or the outcomes");
      }
      if (type == null) {
        String root = parts.get(0);
        if (!CONDITION_WORDS.contains(root) && !names.root(root) && names.member(root)) {
          return Optional.of("uses " + root + ", which is a method, not a binding of the rule or a property of the fact model");
        }
        return properties(parts, 1, names);
      }
    }
    if (next < parts.size()) {
      if (!constant(type, parts.get(next))) {
        return Optional.of("uses " + type.getSimpleName() + "." + parts.get(next) + ", which is not a constant of " + type.getSimpleName());
      }
      next++;
    }
    return properties(parts, next, names);
  }

  private static Optional<String> properties(List<String> parts, int from, Names names) {
    for (int p = from; p < parts.size(); p++) {
      if (!names.property(parts.get(p)) && names.member(parts.get(p))) {
        return Optional.of("reaches ." + parts.get(p) + ", a method that is not a property of the fact model");
      }
    }
    return Optional.empty();
  }

  private static boolean constant(Class<?> type, String name) {
    try {
      return Modifier.isStatic(type.getField(name).getModifiers());
    } catch (NoSuchFieldException e) {
      return false;
    }
  }

  /** Java statements written like a call: {@code if (…)}, {@code return (…)}. */
  private static final Set<String> JAVA_KEYWORDS = Set.of("if", "while", "for", "switch", "catch", "synchronized", "return",
      "throw", "try", "do", "else", "assert");

  /** The first call or object creation in Java code, for a message: {@code calls java.nio.file.Files.readAllBytes(…)}. */
  static Optional<String> firstCall(String code) {
    List<Token> t = tokens(code);
    for (int i = 0; i < t.size(); i++) {
      Token k = t.get(i);
      if (k.kind() != Kind.NAME || (i > 0 && t.get(i - 1).is("."))) continue;
      if (k.is("new") && i + 1 < t.size()) return Optional.of("creates an object: new " + t.get(i + 1).text());
      StringBuilder chain = new StringBuilder(k.text());
      int j = i;
      while (j + 2 < t.size() && t.get(j + 1).is(".") && t.get(j + 2).kind() == Kind.NAME) {
        j += 2;
        chain.append('.').append(t.get(j).text());
      }
      if (j + 1 < t.size() && t.get(j + 1).is("(") && !JAVA_KEYWORDS.contains(k.text())) {
        return Optional.of("calls " + chain + "(…)");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a metadata value is plain data: quoted text, numbers or {@code true}/{@code false},
   * separated by commas. Drools evaluates every metadata value as an expression when it compiles
   * the rule, so anything else would run then.
   */
  static boolean literals(String value) {
    List<Token> t = tokens(value);
    if (t.isEmpty()) return true;
    int i = 0;
    while (true) {
      if (i < t.size() && t.get(i).is("-")) i++;
      if (i >= t.size() || !literal(t.get(i))) return false;
      i++;
      if (i == t.size()) return true;
      if (!t.get(i).is(",")) return false;
      i++;
    }
  }

  private static boolean literal(Token k) {
    return k.kind() == Kind.TEXT || k.kind() == Kind.NUMBER || k.is("true") || k.is("false");
  }

  /** Whether an attribute value ({@code salience 10}, {@code enabled true}) is one literal, not an expression. */
  static boolean plainValue(String value) {
    List<Token> t = tokens(value).stream().filter(k -> !k.is("(") && !k.is(")")).toList();
    if (t.size() == 2 && t.get(0).is("-") && t.get(1).kind() == Kind.NUMBER) return true;
    return t.size() == 1 && literal(t.get(0));
  }

  private static Optional<Breach> unicodeEscape(String code) {
    Matcher m = UNICODE_ESCAPE.matcher(code);
    return m.find() ? Optional.of(new Breach(m.start(), "holds a \\u escape, which Java reads as code before anything else"))
        : Optional.empty();
  }

  /** The offending code as the rule author wrote it, on one line and short. */
  static String excerpt(String code) {
    String s = code.strip().replaceAll("\\s+", " ");
    return s.length() <= 80 ? s : s.substring(0, 77) + "…";
  }
}

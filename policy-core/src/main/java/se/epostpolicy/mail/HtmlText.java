package se.epostpolicy.mail;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML body with the structure {@link TextZones} reads: block elements and
 * {@code <br>} end lines, quoted blocks ({@code <blockquote>}, Gmail's and Outlook's quote
 * containers) are written as {@code > } lines, and a signature container (Gmail's
 * {@code gmail_signature}, Outlook's {@code Signature} div) starts with a {@code -- } line.
 */
final class HtmlText {

  private static final Set<String> BLOCKS = Set.of("p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4",
      "h5", "h6", "pre", "blockquote", "hr", "section", "article", "header", "footer", "address", "dt", "dd", "center");
  private static final Set<String> SKIPPED = Set.of("style", "script", "head", "title", "xml", "o:p");

  /** Source line breaks and runs of spaces inside a text node are one space; lines come from the elements. */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private HtmlText() {}

  static String of(Element root) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      int quoteDepth;
      int skipDepth;
      boolean lineStart = true;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) {
          String tag = e.normalName();
          if (SKIPPED.contains(tag)) {
            skipDepth++;
            return;
          }
          if (skipDepth > 0) return;
          if (quoted(e)) {
            newLine();
            quoteDepth++;
          } else if (signature(e)) {
            newLine();
            out.append("-- \n");
            lineStart = true;
          } else if (tag.equals("br")) {
            out.append('\n');
            lineStart = true;
          } else if (tag.equals("hr")) {
            newLine();
            out.append("________________________________\n");
            lineStart = true;
          } else if (tag.equals("td") || tag.equals("th")) {
            if (!lineStart) out.append(' ');
          } else if (BLOCKS.contains(tag)) {
            newLine();
          }
        } else if (node instanceof TextNode t && skipDepth == 0) {
          String text = WHITESPACE.matcher(t.getWholeText().replace('\u00a0', ' ')).replaceAll(" ");
          if (text.isBlank()) {
            if (!lineStart && !text.isEmpty()) out.append(' ');
            return;
          }
          if (lineStart) {
            text = text.stripLeading();
            out.append("> ".repeat(quoteDepth));
          }
          out.append(text);
          lineStart = false;
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (!(node instanceof Element e)) return;
        String tag = e.normalName();
        if (SKIPPED.contains(tag)) {
          skipDepth--;
          return;
        }
        if (skipDepth > 0) return;
        if (quoted(e)) {
          newLine();
          quoteDepth--;
        } else if (BLOCKS.contains(tag)) {
          newLine();
        }
      }

      private void newLine() {
        if (!lineStart) {
          out.append('\n');
          lineStart = true;
        }
      }
    }, root);
    return BLANK_LINES.matcher(out).replaceAll("\n\n");
  }

  private static boolean quoted(Element e) {
    return e.normalName().equals("blockquote");
  }

  private static boolean signature(Element e) {
    String cls = e.className().toLowerCase(Locale.ROOT);
    String id = e.id().toLowerCase(Locale.ROOT);
    return cls.contains("gmail_signature") || cls.contains("moz-signature") || id.equals("signature");
  }
}

package se.epostpolicy.pack;

import java.util.Objects;

/**
 * One file of a pack, read into memory as UTF-8.
 *
 * @param path the path as errors name it: {@code <id>/<version>/<file>}
 * @param content the file's text
 * @since 0.1
 */
public record PackFile(String path, String content) {
  public PackFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }

  /** The file name's extension, lower-case, without the dot. */
  public String extension() {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return path;
  }
}

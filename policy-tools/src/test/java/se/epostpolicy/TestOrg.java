package se.epostpolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The small test pack of policy-core's tests, copied into a folder a test may change, and mails for it. */
public final class TestOrg {

  private static final Path PACK = Path.of("../policy-core/src/test/resources/testpacks/test-org/1");

  private TestOrg() {}

  /** Copies test-org version 1 to {@code dir/test-org/1}; returns {@code dir}. */
  public static Path copyTo(Path dir) throws IOException {
    Path to = Files.createDirectories(dir.resolve("test-org/1"));
    try (Stream<Path> s = Files.list(PACK)) {
      for (Path p : s.toList()) Files.copy(p, to.resolve(p.getFileName().toString()));
    }
    return dir;
  }

  /** A mail from outside test.se into it: inbound, so T-REGISTER fires. */
  public static Path inboundMail(Path dir, String name) throws IOException {
    return Files.writeString(dir.resolve(name), """
        From: Eva Ek <eva@example.org>
        To: registrator@test.se
        Subject: Fråga om bygglov
        Date: Mon, 2 Mar 2026 10:00:00 +0100
        Message-ID: <%s@example.org>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Hej, jag undrar hur det går med mitt ärende.
        """.formatted(name).replace("\n", "\r\n"), StandardCharsets.UTF_8);
  }

  /** A mail from test.se to outside: outbound, so T-REGISTER does not fire. */
  public static Path outboundMail(Path dir, String name) throws IOException {
    return Files.writeString(dir.resolve(name), """
        From: registrator@test.se
        To: Eva Ek <eva@example.org>
        Subject: Svar
        Date: Mon, 2 Mar 2026 11:00:00 +0100
        Message-ID: <%s@test.se>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Tack för ditt mejl.
        """.formatted(name).replace("\n", "\r\n"), StandardCharsets.UTF_8);
  }
}

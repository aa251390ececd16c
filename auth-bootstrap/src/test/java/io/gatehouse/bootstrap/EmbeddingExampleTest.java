package io.gatehouse.bootstrap;

import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.in.session.SignUpUseCase;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.UserProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's embedding example runs, and the README shows exactly this code. */
class EmbeddingExampleTest {

    @Test
    void theExampleSignsUpSignsInAndRecognisesTheCaller() {
        // README:start
        try (Gatehouse gatehouse = Gatehouse.builder()
                .databaseUrl("jdbc:h2:mem:embedded-example;DB_CLOSE_DELAY=-1")
                .secretKey(System.getenv().getOrDefault("GATEHOUSE_SECRET_KEY", "dev-only-key-of-at-least-32-bytes-long"))
                .build()) {

            gatehouse.signUp().signUp(new SignUpUseCase.Command("Ada", EmailAddress.of("ada@example.org"),
                    PlainPassword.of("correct horse battery"), UserProfile.DEFAULT_IMAGE));

            SignInWithPasswordUseCase.Result result = gatehouse.signIn().signIn(new SignInWithPasswordUseCase.Command(
                    "ada@example.org", PlainPassword.of("correct horse battery"), ClientAddress.LOCAL));
            Session session = ((SignInWithPasswordUseCase.Result.SignedIn) result).session();

            // on every later request of your application:
            AuthenticateUseCase.Result caller = gatehouse.authenticate().authenticate(
                    new AuthenticateUseCase.Command(session.token().value(), "/reports"));
            Principal principal = ((AuthenticateUseCase.Result.Authenticated) caller).principal();
            // README:end

            assertEquals("ada@example.org", principal.user().email().value());
            assertTrue(principal.user().isAdmin(), "the first account is the admin");
            assertInstanceOf(SignInWithPasswordUseCase.Result.SignedIn.class, result);
        }
    }

    @Test
    void theReadmeShowsThisExample() throws IOException {
        String test = Files.readString(Path.of("src/test/java/io/gatehouse/bootstrap/EmbeddingExampleTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        String example = test.substring(test.indexOf("// README:start") + "// README:start".length(), test.indexOf("// README:end"));

        assertTrue(squeeze(readme).contains(squeeze(example)),
                "README.md must show the code between README:start and README:end of this test");
    }

    private static String squeeze(String code) {
        return code.replaceAll("\\s+", " ").strip();
    }
}

package io.gatehouse.benchmarks.micro;

import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.DescribeSessionUseCase.SessionInfo;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.domain.apikey.ApiKeyDigest;
import io.gatehouse.domain.token.EncodedToken;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.token.TokenType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The request path without HTTP: a session token issued and verified (HS256), an API key's digest, and the whole
 * "who is this request" of {@code GET /api/v1/auths/} (verify, revocation check, account read, effective permissions)
 * by session token and by API key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestPathBenchmark {

    private RequestPath path;
    private String tokenText;
    private String apiKeyText;

    @Setup
    public void setUp() {
        path = new RequestPath();
        tokenText = path.token.value();
        apiKeyText = path.apiKey.reveal();
        // measure the path that lets a caller in, not a refusal
        if (tokenVerify().isEmpty() || authenticateRequestByToken() == null || authenticateRequestByApiKey() == null) {
            throw new IllegalStateException("the benchmark's credentials do not authenticate");
        }
    }

    @Benchmark
    public EncodedToken tokenIssue() {
        return path.tokens.encode(TokenClaims.issue(path.user.id(), TokenType.SESSION, path.user.tokenVersion(),
                TokenLifetime.defaultLifetime(), path.gatehouse.clock.instant()));
    }

    @Benchmark
    public Optional<TokenClaims> tokenVerify() {
        return path.tokens.decode(tokenText, TokenType.SESSION);
    }

    @Benchmark
    public ApiKeyDigest apiKeyDigest() {
        return path.secrets.digest(path.apiKey);
    }

    @Benchmark
    public SessionInfo authenticateRequestByToken() {
        return describe(path.authenticate.authenticate(new AuthenticateUseCase.Command(tokenText, "/api/v1/auths/")));
    }

    @Benchmark
    public SessionInfo authenticateRequestByApiKey() {
        return describe(path.authenticate.authenticate(new AuthenticateUseCase.Command(apiKeyText, "/api/v1/auths/")));
    }

    private SessionInfo describe(AuthenticateUseCase.Result result) {
        Principal principal = ((AuthenticateUseCase.Result.Authenticated) result).principal();
        return path.gatehouse.describeSession.describe(principal);
    }
}

package io.gatehouse.benchmarks.micro;

import io.gatehouse.adapter.crypto.HmacTokenCodec;
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
 * The request path without HTTP: a session token issued and verified (HS256; first seen, and seen before), an API
 * key's digest, and the whole "who is this request" of {@code GET /api/v1/auths/} (verify, revocation check, account
 * read, effective permissions) by session token and by API key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestPathBenchmark {

    /** Twice as many as the codec remembers, so that each comes back only after it was forgotten. */
    private static final int UNSEEN_TOKENS = 2 * HmacTokenCodec.REMEMBERED;

    private RequestPath path;
    private String tokenText;
    private String apiKeyText;
    private String[] unseenTokens;
    private int nextUnseen;

    @Setup
    public void setUp() {
        path = new RequestPath();
        tokenText = path.token.value();
        apiKeyText = path.apiKey.reveal();
        unseenTokens = new String[UNSEEN_TOKENS];
        for (int i = 0; i < UNSEEN_TOKENS; i++) {
            unseenTokens[i] = tokenIssue().value();
        }
        // measure the path that lets a caller in, not a refusal
        if (tokenVerify().isEmpty() || tokenVerifyRemembered().isEmpty() || authenticateRequestByToken() == null || authenticateRequestByApiKey() == null) {
            throw new IllegalStateException("the benchmark's credentials do not authenticate");
        }
    }

    @Benchmark
    public EncodedToken tokenIssue() {
        return path.tokens.encode(TokenClaims.issue(path.user.id(), TokenType.SESSION, path.user.tokenVersion(),
                TokenLifetime.defaultLifetime(), path.gatehouse.clock.instant()));
    }

    /** A token the codec has not seen (or has forgotten): Base64, JSON and HMAC. */
    @Benchmark
    public Optional<TokenClaims> tokenVerify() {
        String token = unseenTokens[nextUnseen];
        nextUnseen = (nextUnseen + 1) % UNSEEN_TOKENS;
        return path.tokens.decode(token, TokenType.SESSION);
    }

    /** A token verified before, as on a signed-in user's every request after the first. */
    @Benchmark
    public Optional<TokenClaims> tokenVerifyRemembered() {
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

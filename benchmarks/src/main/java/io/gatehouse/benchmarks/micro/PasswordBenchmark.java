package io.gatehouse.benchmarks.micro;

import io.gatehouse.adapter.crypto.BcryptPasswordHasher;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordHash;
import io.gatehouse.domain.credential.PlainPassword;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** bcrypt at the configured cost (12, Open WebUI's and Gatehouse's default): what one sign-up and one sign-in cost. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PasswordBenchmark {

    private static final PlainPassword PASSWORD = PlainPassword.of("correct horse battery staple");

    @Param("12")
    public int cost;

    private BcryptPasswordHasher hasher;
    private Credential stored;

    @Setup
    public void setUp() {
        hasher = new BcryptPasswordHasher(cost);
        stored = Credential.password(hasher.hash(PASSWORD));
    }

    @Benchmark
    public PasswordHash passwordHash() {
        return hasher.hash(PASSWORD);
    }

    @Benchmark
    public boolean passwordVerify() {
        return hasher.verify(PASSWORD, stored);
    }
}

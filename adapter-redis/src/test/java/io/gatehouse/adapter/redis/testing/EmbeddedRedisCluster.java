package io.gatehouse.adapter.redis.testing;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisClusterCRC16;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A real Redis Cluster of masters only (the binary embedded-redis brings), on loopback ports, without persistence:
 * each master owns an equal range of the 16384 slots. {@link #start} returns once every node agrees that the cluster
 * is complete and serving.
 */
public final class EmbeddedRedisCluster implements AutoCloseable {

    private static final int SLOTS = 16384;
    /** The cluster bus listens 10000 above the data port, which must therefore stay below 55536. */
    private static final int BUS_OFFSET = 10_000;

    /** One master: its port and the slots it owns, {@code firstSlot} to {@code lastSlot} inclusive. */
    public record Node(int port, int firstSlot, int lastSlot) {

        public boolean owns(int slot) {
            return slot >= firstSlot && slot <= lastSlot;
        }
    }

    private final Path directory;
    private final List<Node> nodes = new ArrayList<>();
    private final List<RedisServer> servers = new ArrayList<>();

    private EmbeddedRedisCluster(Path directory) {
        this.directory = directory;
    }

    /** A started cluster of {@code masters} masters, complete on every node within {@code converging}. */
    public static EmbeddedRedisCluster start(int masters, Duration converging) {
        EmbeddedRedisCluster cluster;
        try {
            cluster = new EmbeddedRedisCluster(Files.createTempDirectory("embedded-redis-cluster"));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        try {
            for (int i = 0; i < masters; i++) {
                cluster.startNode(i * SLOTS / masters, (i + 1) * SLOTS / masters - 1);
            }
            cluster.join(converging);
            return cluster;
        } catch (RuntimeException failed) {
            cluster.close();
            throw failed;
        }
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The URL of the first node, as {@code REDIS_URL} names a seed node. */
    public String seedUrl() {
        return "redis://127.0.0.1:" + nodes.get(0).port();
    }

    /** The node that holds {@code key}. */
    public Node nodeOwning(String key) {
        int slot = JedisClusterCRC16.getSlot(key);
        return nodes.stream().filter(node -> node.owns(slot)).findFirst().orElseThrow();
    }

    /** A plain client to one node, which answers only for the keys it owns. */
    public static Jedis clientTo(Node node) {
        return new Jedis("127.0.0.1", node.port());
    }

    private void startNode(int firstSlot, int lastSlot) {
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) {        // a port found free may be taken before Redis binds it
            int port = freePortWithFreeBusPort();
            try {
                RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                        .setting("save \"\"").setting("appendonly no")
                        .setting("cluster-enabled yes")
                        .setting("cluster-config-file \"" + directory.resolve("nodes-" + port + ".conf") + "\"")
                        .setting("cluster-node-timeout 5000")
                        .build();
                server.start();
                servers.add(server);
                nodes.add(new Node(port, firstSlot, lastSlot));
                return;
            } catch (IOException failed) {
                lastFailure = failed;
            }
        }
        throw new UncheckedIOException(lastFailure);
    }

    /**
     * Gives each node its slots before the nodes meet, so that the handshake itself spreads the slot map, then waits
     * until every node knows every node and serves every slot.
     */
    private void join(Duration converging) {
        for (Node node : nodes) {
            try (Jedis jedis = clientTo(node)) {
                jedis.clusterAddSlots(IntStream.rangeClosed(node.firstSlot(), node.lastSlot()).toArray());
            }
        }
        try (Jedis first = clientTo(nodes.get(0))) {
            nodes.stream().skip(1).forEach(node -> first.clusterMeet("127.0.0.1", node.port()));
        }
        awaitTrue(converging, () -> nodes.stream().allMatch(this::seesCompleteCluster),
                "the cluster did not converge within " + converging);
    }

    private boolean seesCompleteCluster(Node node) {
        try (Jedis jedis = clientTo(node)) {
            String info = jedis.clusterInfo();
            return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + nodes.size())
                    && jedis.clusterSlots().size() == nodes.size();
        }
    }

    /** Polls {@code condition} until it holds, or fails once {@code within} has passed. */
    private static void awaitTrue(Duration within, BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(failure);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Override
    public void close() {
        List<IOException> failures = new ArrayList<>();
        for (RedisServer server : servers) {
            try {
                if (server.isActive()) {
                    server.stop();
                }
            } catch (IOException failed) {
                failures.add(failed);
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException failed) {
            failures.add(failed);
        }
        if (!failures.isEmpty()) {
            throw new UncheckedIOException(failures.get(0));
        }
    }

    private static int freePortWithFreeBusPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (isFree(port) && isFree(port + BUS_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair found for a cluster node");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}

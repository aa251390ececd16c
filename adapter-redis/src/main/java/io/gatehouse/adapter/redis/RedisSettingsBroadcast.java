package io.gatehouse.adapter.redis;

import io.gatehouse.application.port.out.SettingsBroadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Settings changes announced on a pub/sub channel. A listener thread subscribes and reloads the settings when another
 * instance announces a change, and also each time it (re)subscribes, since announcements sent while it was
 * disconnected are lost: so a change reaches every instance within a round trip, or as soon as it reconnects.
 */
final class RedisSettingsBroadcast implements SettingsBroadcast, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSettingsBroadcast.class);

    private final UnifiedJedis client;
    private final Availability redis;
    private final String channel;
    private final Duration retryPause;
    private final String instance = UUID.randomUUID().toString();
    private final Object lock = new Object();
    private volatile boolean closed;
    private Thread listener;
    private Subscription subscription;

    RedisSettingsBroadcast(UnifiedJedis client, Availability redis, Keys keys, Duration retryPause) {
        this.client = client;
        this.redis = redis;
        this.channel = keys.settingsChannel();
        this.retryPause = retryPause;
    }

    @Override
    public void announce() {
        redis.call(jedis -> jedis.publish(channel, instance), () -> 0L);
    }

    /** Starts listening: {@code reload} runs on the listener thread whenever the settings may have changed. */
    void listen(Runnable reload) {
        Objects.requireNonNull(reload, "reload");
        synchronized (lock) {
            if (listener != null) {
                throw new IllegalStateException("already listening");
            }
            listener = new Thread(() -> listenUntilClosed(reload), "gatehouse-settings-listener");
            listener.setDaemon(true);
            listener.start();
        }
    }

    private void listenUntilClosed(Runnable reload) {
        while (!closed) {
            Subscription current = new Subscription(reload);
            synchronized (lock) {
                if (closed) {
                    return;
                }
                subscription = current;
            }
            try {
                client.subscribe(current, channel);      // returns when unsubscribed, throws when the link breaks
            } catch (JedisException broken) {
                if (!closed) {
                    redis.failed(broken);
                    pauseBeforeRetry();
                }
            }
        }
    }

    private void pauseBeforeRetry() {
        synchronized (lock) {
            try {
                if (!closed) {
                    lock.wait(retryPause.toMillis());
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    @Override
    public void close() {
        Thread stopping;
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
            if (subscription != null && subscription.isSubscribed()) {
                try {
                    subscription.unsubscribe();
                } catch (JedisException alreadyGone) {
                    // the link broke at the same moment: the thread ends on its own
                }
            }
            stopping = listener;
        }
        if (stopping != null) {
            try {
                stopping.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Subscription extends JedisPubSub {

        private final Runnable reload;

        Subscription(Runnable reload) {
            this.reload = reload;
        }

        @Override
        public void onSubscribe(String subscribed, int subscribedChannels) {
            redis.answered();
            reloadSafely();
        }

        @Override
        public void onMessage(String from, String sender) {
            if (!instance.equals(sender)) {
                reloadSafely();
            }
        }

        private void reloadSafely() {
            try {
                reload.run();
            } catch (RuntimeException failed) {
                // The database may be down too; the next announcement or reconnection reads again.
                LOG.warn("could not read the settings another instance changed: {}", failed.getClass().getSimpleName());
            }
        }
    }
}

package io.gatehouse.adapter.redis;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Announcements between two instances sharing one Redis, and the re-read after a reconnection. */
class RedisSettingsBroadcastTest {

    @RegisterExtension
    final RedisFixture redis = new RedisFixture();
    private RedisSettings settings;

    @BeforeEach
    void freshPrefix() {
        settings = redis.freshSettings();
    }

    /** Waits for a reload; the listener thread runs it, so the test waits with a deadline rather than for a time. */
    private static void awaitReload(Semaphore reloads) throws InterruptedException {
        assertTrue(reloads.tryAcquire(5, TimeUnit.SECONDS), "reloaded");
    }

    @Test
    void anotherInstanceReloadsWhenAChangeIsAnnouncedButTheAnnouncerDoesNot() throws Exception {
        Redis here = redis.open(settings);
        Redis there = redis.open(settings);
        Semaphore reloadsHere = new Semaphore(0);
        Semaphore reloadsThere = new Semaphore(0);
        here.onSettingsChanged(reloadsHere::release);
        there.onSettingsChanged(reloadsThere::release);
        awaitReload(reloadsHere);                   // each reads once on subscribing
        awaitReload(reloadsThere);

        here.settingsBroadcast().announce();

        awaitReload(reloadsThere);
        there.settingsBroadcast().announce();
        awaitReload(reloadsHere);
        assertEquals(0, reloadsThere.availablePermits(), "its own announcement is not news to the announcer");
    }

    @Test
    void instancesWithAnotherPrefixDoNotHear() throws Exception {
        Redis here = redis.open(settings);
        Redis elsewhere = redis.open(redis.freshSettings());
        Semaphore reloadsElsewhere = new Semaphore(0);
        Semaphore reloadsHere = new Semaphore(0);
        elsewhere.onSettingsChanged(reloadsElsewhere::release);
        here.onSettingsChanged(reloadsHere::release);
        awaitReload(reloadsElsewhere);
        awaitReload(reloadsHere);

        here.settingsBroadcast().announce();
        Redis third = redis.open(settings);
        Semaphore reloadsThird = new Semaphore(0);
        third.onSettingsChanged(reloadsThird::release);
        awaitReload(reloadsThird);
        third.settingsBroadcast().announce();       // delivered after the first, on the same server
        awaitReload(reloadsHere);

        assertEquals(0, reloadsElsewhere.availablePermits());
    }

    @Test
    void aListenerCutOffReadsAgainWhenItReconnects() throws Exception {
        Redis here = redis.open(settings);
        Semaphore reloads = new Semaphore(0);
        here.onSettingsChanged(reloads::release);
        awaitReload(reloads);

        redis.server.stop();
        redis.server.startAgain();

        awaitReload(reloads);
    }

    @Test
    void closingStopsTheListener() throws Exception {
        Redis here = redis.open(settings);
        Semaphore reloads = new Semaphore(0);
        here.onSettingsChanged(reloads::release);
        awaitReload(reloads);

        List<Thread> listeners = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("gatehouse-settings-listener")).toList();
        assertEquals(1, listeners.size());

        here.close();

        assertFalse(listeners.get(0).isAlive());
    }
}

package io.gatehouse.application.port.out;

/**
 * Tells the other instances that the stored settings changed, so that they read them again. Delivery is best effort:
 * an instance that missed an announcement reads the settings again when it reconnects. A single instance needs
 * {@link #NONE}.
 */
public interface SettingsBroadcast {

    /** Nobody else to tell. */
    SettingsBroadcast NONE = () -> { };

    /** Called after the change is stored; never throws for a broadcast that could not be delivered. */
    void announce();
}

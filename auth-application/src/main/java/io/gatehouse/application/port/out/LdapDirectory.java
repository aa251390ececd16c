package io.gatehouse.application.port.out;

import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.ldap.LdapServer;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory that checks a user's password: bind as the service account (or anonymously), search the one entry whose
 * username attribute equals the typed name, bind as that entry with the typed password (Open WebUI §6.2, steps 3–8).
 * The search filter escapes the name (RFC 4515), so no input can widen it. Calls end within the configured timeouts.
 */
public interface LdapDirectory {

    Lookup authenticate(LdapServer server, GroupQuery groups, String username, PlainPassword password);

    /** Releases the connections of servers that are no longer configured. */
    void retainOnly(Collection<LdapServer> servers);

    /**
     * Which groups to read for the user, if any.
     *
     * @param attribute  the user attribute listing group DNs ({@code memberOf}); read when {@code searchBase} is empty
     * @param searchBase where to search groups listing the user's DN as {@code member} or {@code uniqueMember}
     */
    record GroupQuery(boolean wanted, String attribute, String searchBase) {
        public static final GroupQuery NONE = new GroupQuery(false, "", "");

        public GroupQuery {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(searchBase, "searchBase");
        }
    }

    sealed interface Lookup {

        /**
         * The password is right.
         *
         * @param mails      the values of the mail attribute, as stored
         * @param commonName the entry's {@code cn}, if it has one
         * @param groupNames the names of the user's groups, when they were wanted: the first {@code CN} of each group
         *                   DN (RFC 4514 escapes decoded), or the {@code cn} of each group found
         */
        record Authenticated(String dn, List<String> mails, Optional<String> commonName,
                             Optional<List<String>> groupNames) implements Lookup {
            public Authenticated {
                Objects.requireNonNull(dn, "dn");
                mails = List.copyOf(mails);
                Objects.requireNonNull(commonName, "commonName");
                groupNames = groupNames.map(List::copyOf);
            }
        }

        record Refused(Reason reason) implements Lookup {
            public Refused {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /** Why a directory refused, precisely: for the log and the audit trail, never for the client. */
    enum Reason {
        USER_NOT_FOUND,
        /** More than one entry has the name: which person signs in would be a guess. */
        AMBIGUOUS_USER,
        /** The entry found does not carry the typed name (the directory matched it some other way). */
        RECORD_MISMATCH,
        WRONG_PASSWORD,
        /** The service account could not bind. */
        APP_BIND_FAILED,
        /** The TLS settings cannot be used (unreadable CA file, unknown cipher) or the extra filter is malformed. */
        MISCONFIGURED,
        /** No answer within the timeouts, refused connection, failed TLS handshake. */
        UNREACHABLE;

        /** Whether the server gave no answer about the user at all. */
        public boolean isOutage() {
            return this == UNREACHABLE || this == MISCONFIGURED || this == APP_BIND_FAILED;
        }
    }
}

package io.gatehouse.adapter.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import io.gatehouse.application.port.out.LdapDirectory;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.ldap.LdapServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bind–search–bind flow of Open WebUI §6.2 over UnboundID connection pools, one per configured server.
 * <ul>
 *   <li>The pool binds as the service account; each user bind is made on a pooled connection and reverted.</li>
 *   <li>The filter is {@code (&(<username attribute>=<name>)<extra filter>)}, built by the SDK, which escapes the
 *       name; at most two entries are asked for, and two mean an ambiguous name, which is refused.</li>
 *   <li>When no entry fits, a bind with the typed password against a DN that cannot exist takes the place of the
 *       user bind, so that an unknown name costs the directory what a wrong password does.</li>
 * </ul>
 * Failures are answers ({@link Lookup.Refused}), logged here by server label and reason; user names and passwords are
 * never logged. Thread-safe.
 */
public final class UnboundIdLdapDirectory implements LdapDirectory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UnboundIdLdapDirectory.class);

    private final LdapConnectionSettings settings;
    private final Map<LdapServer, LDAPConnectionPool> pools = new ConcurrentHashMap<>();

    public UnboundIdLdapDirectory(LdapConnectionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Lookup authenticate(LdapServer server, GroupQuery groups, String username, PlainPassword password) {
        Lookup lookup;
        try {
            lookup = authenticate(pool(server), server, groups, username, password);
        } catch (LDAPException failure) {
            lookup = new Lookup.Refused(outage(failure));
            LOG.warn("LDAP server '{}' ({}:{}) cannot be used: {} ({})", server.label(), server.host(),
                    server.effectivePort(), ((Lookup.Refused) lookup).reason(), failure.getResultCode());
        } catch (IllegalArgumentException misconfigured) {
            lookup = new Lookup.Refused(Reason.MISCONFIGURED);
            LOG.warn("LDAP server '{}' is misconfigured: {}", server.label(), misconfigured.getMessage());
        }
        if (lookup instanceof Lookup.Refused && !((Lookup.Refused) lookup).reason().isOutage()) {
            LOG.info("LDAP server '{}' refused a sign-in: {}", server.label(), ((Lookup.Refused) lookup).reason());
        }
        return lookup;
    }

    private Lookup authenticate(LDAPConnectionPool pool, LdapServer server, GroupQuery groups, String username,
                                PlainPassword password) throws LDAPException {
        SearchResult found = search(pool, server, groups, username);
        if (found == null || found.getEntryCount() != 1) {
            pretendBind(pool, server, password);
            return new Lookup.Refused(found == null || found.getEntryCount() > 1
                    ? Reason.AMBIGUOUS_USER : Reason.USER_NOT_FOUND);
        }
        SearchResultEntry entry = found.getSearchEntries().get(0);
        String[] names = Optional.ofNullable(entry.getAttributeValues(server.attributeForUsername()))
                .orElse(new String[0]);
        if (Arrays.stream(names).noneMatch(name -> name.toLowerCase(Locale.ROOT).equals(username))) {
            pretendBind(pool, server, password);
            return new Lookup.Refused(Reason.RECORD_MISMATCH);
        }
        try {
            pool.bindAndRevertAuthentication(new SimpleBindRequest(entry.getDN(), password.reveal()));
        } catch (LDAPException refused) {
            return new Lookup.Refused(isOutage(refused.getResultCode()) ? Reason.UNREACHABLE : Reason.WRONG_PASSWORD);
        }
        String[] mails = entry.getAttributeValues(server.attributeForMail());
        return new Lookup.Authenticated(entry.getDN(), mails == null ? List.of() : List.of(mails),
                Optional.ofNullable(entry.getAttributeValue("cn")), groupNames(pool, server, groups, entry));
    }

    /** The entries named {@code username}, or {@code null} when there are more than one. */
    private SearchResult search(LDAPConnectionPool pool, LdapServer server, GroupQuery groups, String username)
            throws LDAPException {
        Filter filter = Filter.createEqualityFilter(server.attributeForUsername(), username);
        if (!server.searchFilters().isBlank()) {
            filter = Filter.createANDFilter(filter, extraFilter(server.searchFilters()));
        }
        List<String> attributes = new ArrayList<>(List.of(server.attributeForUsername(), server.attributeForMail(), "cn"));
        if (groups.wanted() && groups.searchBase().isBlank()) {
            attributes.add(groups.attribute());
        }
        SearchRequest request = new SearchRequest(server.searchBase(), SearchScope.SUB, filter,
                attributes.toArray(String[]::new));
        request.setSizeLimit(2);
        request.setTimeLimitSeconds(timeLimitSeconds());
        try {
            return pool.search(request);
        } catch (LDAPSearchException failure) {
            if (failure.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return null;
            }
            if (failure.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return failure.getSearchResult();
            }
            throw failure;
        }
    }

    /**
     * The admin's extra filter, which may be one component or several: {@code (objectClass=person)(!(locked=TRUE))}.
     */
    private static Filter extraFilter(String text) {
        try {
            return Filter.create("(&" + text.strip() + ")");
        } catch (LDAPException malformed) {
            throw new IllegalArgumentException("the extra search filter is malformed");
        }
    }

    /** A bind as an entry that cannot exist, whose outcome is ignored: it only spends what a real bind would. */
    private void pretendBind(LDAPConnectionPool pool, LdapServer server, PlainPassword password) {
        try {
            DN nowhere = new DN(new RDN("cn", UUID.randomUUID().toString()),
                    server.searchBase().isBlank() ? DN.NULL_DN : new DN(server.searchBase()));
            pool.bindAndRevertAuthentication(new SimpleBindRequest(nowhere, password.reveal()));
        } catch (LDAPException expected) {
            // the point was the round trip
        }
    }

    private Optional<List<String>> groupNames(LDAPConnectionPool pool, LdapServer server, GroupQuery groups,
                                              SearchResultEntry entry) throws LDAPException {
        if (!groups.wanted()) {
            return Optional.empty();
        }
        if (groups.searchBase().isBlank()) {
            String[] dns = entry.getAttributeValues(groups.attribute());
            return Optional.of(GroupNames.fromDns(dns == null ? List.of() : List.of(dns)));
        }
        SearchRequest request = new SearchRequest(groups.searchBase(), SearchScope.SUB,
                Filter.createORFilter(Filter.createEqualityFilter("member", entry.getDN()),
                        Filter.createEqualityFilter("uniqueMember", entry.getDN())), "cn");
        request.setTimeLimitSeconds(timeLimitSeconds());
        Set<String> names = new HashSet<>();
        List<String> ordered = new ArrayList<>();
        for (SearchResultEntry group : pool.search(request).getSearchEntries()) {
            String name = group.getAttributeValue("cn");
            if (name != null && names.add(name)) {
                ordered.add(name);
            }
        }
        return Optional.of(ordered);
    }

    private int timeLimitSeconds() {
        return (int) Math.max(1, settings.responseTimeout().toSeconds());
    }

    @Override
    public void retainOnly(Collection<LdapServer> servers) {
        Set<LdapServer> wanted = Set.copyOf(servers);
        pools.keySet().removeIf(server -> {
            if (wanted.contains(server)) {
                return false;
            }
            LDAPConnectionPool pool = pools.get(server);
            if (pool != null) {
                pool.close();
            }
            return true;
        });
    }

    @Override
    public void close() {
        retainOnly(List.of());
    }

    /** The server's pool, made (and bound) on first use; a failure to make it is not remembered. */
    private LDAPConnectionPool pool(LdapServer server) throws LDAPException {
        LDAPConnectionPool pool = pools.get(server);
        if (pool != null) {
            return pool;
        }
        LDAPConnectionPool made = newPool(server);
        LDAPConnectionPool raced = pools.putIfAbsent(server, made);
        if (raced != null) {
            made.close();
            return raced;
        }
        return made;
    }

    private LDAPConnectionPool newPool(LdapServer server) throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setAbandonOnTimeout(true);
        SingleServerSet serverSet;
        PostConnectProcessor startTls = null;
        if (server.useTls() || server.startTls()) {
            TlsSockets tls = TlsSockets.of(server);
            options.setSSLSocketVerifier(tls.verifier());
            if (server.useTls()) {
                serverSet = new SingleServerSet(server.host(), server.effectivePort(), tls.factory(), options);
            } else {
                serverSet = new SingleServerSet(server.host(), server.effectivePort(), options);
                startTls = new StartTLSPostConnectProcessor(tls.factory());
            }
        } else {
            serverSet = new SingleServerSet(server.host(), server.effectivePort(), options);
        }
        BindRequest appBind = server.hasAppAccount() ? new SimpleBindRequest(server.appDn(), server.appPassword()) : null;
        LDAPConnectionPool pool = new LDAPConnectionPool(serverSet, appBind, 1, settings.poolSize(), startTls);
        pool.setMaxWaitTimeMillis(settings.responseTimeout().toMillis());
        pool.setRetryFailedOperationsDueToInvalidConnections(EnumSet.allOf(OperationType.class));
        pool.setConnectionPoolName("gatehouse-ldap-" + server.label());
        return pool;
    }

    private static Reason outage(LDAPException failure) {
        ResultCode code = failure.getResultCode();
        if (code == ResultCode.INVALID_CREDENTIALS || code == ResultCode.INAPPROPRIATE_AUTHENTICATION) {
            return Reason.APP_BIND_FAILED;
        }
        return isOutage(code) ? Reason.UNREACHABLE : Reason.MISCONFIGURED;
    }

    /** Codes that say nothing about the user: the server could not be reached, was too slow, or was busy. */
    private static boolean isOutage(ResultCode code) {
        return !ResultCode.isConnectionUsable(code) || code == ResultCode.TIMEOUT || code == ResultCode.BUSY
                || code == ResultCode.UNAVAILABLE || code == ResultCode.TIME_LIMIT_EXCEEDED;
    }
}

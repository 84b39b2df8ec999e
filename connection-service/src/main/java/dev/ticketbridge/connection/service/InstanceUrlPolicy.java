package dev.ticketbridge.connection.service;

import dev.ticketbridge.connection.InstanceUrl;
import dev.ticketbridge.connection.config.ConnectionConfig;
import dev.ticketbridge.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which ServiceNow instances a tenant may point Ticketbridge at, so nobody can make this service call an
 * internal address. Admitted: https on port 443 to a DNS name ending in the configured suffix
 * ({@code .service-now.com}), or an origin on the explicit allow-list. Refused: other schemes and ports, IP literals,
 * user info, paths, queries and fragments, and names that resolve to loopback, link-local or private addresses.
 */
@ApplicationScoped
public class InstanceUrlPolicy {

    static final String FIELD = "instance";
    private static final Pattern INSTANCE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+|0x.*");

    private final String suffix;
    private final Set<String> allowedOrigins;

    public InstanceUrlPolicy(ConnectionConfig config) {
        this.suffix = config.allowedHostSuffix().toLowerCase(Locale.ROOT);
        this.allowedOrigins = config.allowedInstanceUrls().orElse(List.of()).stream()
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(InstanceUrlPolicy::originOf).collect(Collectors.toUnmodifiableSet());
    }

    /** An instance name ({@code contoso}) or URL, validated; refusals are 400 problems naming {@code instance}. */
    public InstanceUrl validate(String input) {
        if (input == null || input.isBlank()) {
            throw refuse("is required: an instance name such as 'contoso' or its URL");
        }
        String trimmed = input.trim();
        if (trimmed.length() > 255) {
            throw refuse("is too long");
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (INSTANCE_NAME.matcher(lower).matches()) {
            return new InstanceUrl("https://" + lower + suffix);
        }
        URI uri = parse(trimmed);
        String origin = originOf(uri);
        if (allowedOrigins.contains(origin)) {
            return new InstanceUrl(stripDefaultPort(origin));
        }
        checkPublicInstance(uri);
        return new InstanceUrl("https://" + uri.getHost().toLowerCase(Locale.ROOT));
    }

    /**
     * Re-checks right before a call that a suffix-matched name does not resolve to an internal address (a DNS
     * answer can change after the URL was stored). Allow-listed origins are trusted as configured.
     */
    public void checkBeforeCall(InstanceUrl instance) {
        URI uri = URI.create(instance.value());
        if (allowedOrigins.contains(originOf(uri))) {
            return;
        }
        checkPublicInstance(uri);
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (internal(address)) {
                    throw refuse("resolves to an internal address; only public ServiceNow instances can be connected");
                }
            }
        } catch (UnknownHostException e) {
            throw new ProblemException(502, "Instance unreachable", "The ServiceNow instance " + uri.getHost()
                    + " cannot be resolved; check the instance name.");
        }
    }

    private void checkPublicInstance(URI uri) {
        if (!"https".equals(uri.getScheme())) {
            throw refuse("must use https");
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            throw refuse("must use the standard https port");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.contains(":") || host.startsWith("[") || IPV4_LIKE.matcher(host).matches()) {
            throw refuse("must be a ServiceNow host name, not an IP address");
        }
        if (!DNS_NAME.matcher(host).matches() || !host.endsWith(suffix) || host.length() <= suffix.length()) {
            throw refuse("must be a ServiceNow instance (a host ending in " + suffix + ")");
        }
    }

    private static URI parse(String input) {
        URI uri;
        try {
            uri = new URI(input);
        } catch (URISyntaxException e) {
            throw refuse("is not a valid URL");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw refuse("must be an instance name or an absolute URL such as https://contoso.service-now.com");
        }
        if (uri.getRawUserInfo() != null || input.indexOf('@') >= 0) {
            throw refuse("must not contain user information");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))) {
            throw refuse("must be the instance's base URL without path, query or fragment");
        }
        return uri;
    }

    private static String originOf(String url) {
        try {
            return originOf(new URI(url));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("ticketbridge.connection.allowed-instance-urls holds an invalid URL: " + url);
        }
    }

    private static String originOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    private static String stripDefaultPort(String origin) {
        return origin.replaceFirst("^https://(.*):443$", "https://$1").replaceFirst("^http://(.*):80$", "http://$1");
    }

    private static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet6Address) {
            return (raw[0] & 0xfe) == 0xfc;
        }
        return (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64;
    }

    private static ProblemException refuse(String message) {
        return ProblemException.badField(FIELD, message);
    }
}

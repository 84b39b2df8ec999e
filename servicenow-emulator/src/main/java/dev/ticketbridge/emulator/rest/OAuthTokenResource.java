package dev.ticketbridge.emulator.rest;

import dev.ticketbridge.emulator.OAuthException;
import dev.ticketbridge.emulator.service.TokenGrants;
import dev.ticketbridge.emulator.service.TokenService;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** /oauth_token.do (form-encoded only) and /oauth_revoke_token.do. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class OAuthTokenResource {

    private final TokenGrants grants;
    private final TokenService tokens;

    public OAuthTokenResource(TokenGrants grants, TokenService tokens) {
        this.grants = grants;
        this.tokens = tokens;
    }

    @POST
    @Path("oauth_token.do")
    public Map<String, Object> token(@HeaderParam("Content-Type") String contentType,
                                     @HeaderParam("Authorization") String authorization, String body,
                                     @Context RoutingContext ctx) {
        if (contentType == null || !contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            throw OAuthException.invalidRequest("Request must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = parseForm(body);
        ctx.put(ApiGate.GRANT_TYPE, form.getOrDefault("grant_type", ""));
        String clientId = form.get("client_id");
        String clientSecret = form.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = decodeBasic(authorization.substring(6).trim());
            int colon = decoded.indexOf(':');
            clientId = colon < 0 ? decoded : decode(decoded.substring(0, colon));
            clientSecret = colon < 0 ? "" : decode(decoded.substring(colon + 1));
        }
        TokenService.Issued issued = grants.grant(form, clientId, clientSecret);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", issued.accessToken());
        response.put("refresh_token", issued.refreshToken());
        response.put("scope", "useraccount");
        response.put("token_type", "Bearer");
        response.put("expires_in", issued.expiresIn());
        return response;
    }

    @POST
    @Path("oauth_revoke_token.do")
    public Response revokeByPost(@QueryParam("token") String queryToken, String body) {
        String token = queryToken != null ? queryToken : parseForm(body).get("token");
        return revoke(token);
    }

    @GET
    @Path("oauth_revoke_token.do")
    public Response revoke(@QueryParam("token") String token) {
        if (token != null && !token.isBlank()) {
            tokens.revoke(token);
        }
        return Response.ok().build();
    }

    private static String decodeBasic(String credentials) {
        try {
            return new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient();
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.putIfAbsent(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return form;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}

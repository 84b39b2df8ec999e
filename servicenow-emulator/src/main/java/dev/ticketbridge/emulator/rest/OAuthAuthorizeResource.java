package dev.ticketbridge.emulator.rest;

import dev.ticketbridge.emulator.OAuthException;
import dev.ticketbridge.emulator.service.AuthorizationService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The browser side of the authorization-code flow: /oauth_auth.do, then log-in, then Allow or Deny. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class OAuthAuthorizeResource {

    private final AuthorizationService authorizations;

    public OAuthAuthorizeResource(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @GET
    @Path("oauth_auth.do")
    public Response authorize(@QueryParam("response_type") String responseType,
                              @QueryParam("client_id") String clientId,
                              @QueryParam("redirect_uri") String redirectUri, @QueryParam("state") String state,
                              @QueryParam("code_challenge") String challenge,
                              @QueryParam("code_challenge_method") String challengeMethod) {
        try {
            var request = authorizations.start(responseType, clientId, redirectUri, state, challenge,
                    challengeMethod);
            return html(200, Html.loginForm(request.id(), null));
        } catch (OAuthException e) {
            return html(400, Html.error(e.getMessage()));
        }
    }

    @POST
    @Path("oauth_login.do")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logIn(@FormParam("request_id") String requestId, @FormParam("user_name") String userName,
                          @FormParam("user_password") String password) {
        try {
            authorizations.find(requestId);
        } catch (OAuthException e) {
            return html(400, Html.error(e.getMessage()));
        }
        try {
            var request = authorizations.logIn(requestId, userName, password);
            return html(200, Html.consentForm(request.id(), "Ticketbridge (" + authorizations.clientId() + ")",
                    request.userName()));
        } catch (OAuthException e) {
            return html(200, Html.loginForm(requestId, "User name or password invalid"));
        }
    }

    @POST
    @Path("oauth_consent.do")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response consent(@FormParam("request_id") String requestId, @FormParam("action") String action) {
        try {
            String location = authorizations.decide(requestId, "allow".equalsIgnoreCase(action));
            return Response.status(302).location(URI.create(location)).build();
        } catch (OAuthException e) {
            return html(400, Html.error(e.getMessage()));
        }
    }

    private static Response html(int status, String page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}

package dev.ticketbridge.platform.servicetoken;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.util.Map;
import java.util.stream.Collectors;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Checks a service token: RS256 signature by the key configured for its {@code iss}, {@code aud} = this service,
 * {@code exp} present, in the future and at most five minutes ahead. Anything else is refused.
 */
@ApplicationScoped
public class ServiceTokenVerifier {

    private static final int CLOCK_SKEW_SECONDS = 30;

    private final Map<String, PublicKey> trusted;
    private final String audience;
    private final JwtConsumer unverifiedReader = new JwtConsumerBuilder()
            .setSkipAllValidators().setDisableRequireSignature().setSkipSignatureVerification().build();

    public ServiceTokenVerifier(ServiceAuthConfig config) {
        this.trusted = config.trustedIssuers().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Pem.publicKey(e.getValue())));
        this.audience = config.acceptedAudience();
    }

    /** Returns the calling service's name, or throws {@link InvalidServiceTokenException}. */
    public String verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidServiceTokenException("no bearer token");
        }
        String issuer = issuerOf(token);
        PublicKey key = trusted.get(issuer);
        if (key == null) {
            throw new InvalidServiceTokenException("issuer is not a trusted service");
        }
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKey(key)
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setExpectedIssuer(issuer)
                    .setExpectedAudience(audience)
                    .setRequireExpirationTime()
                    .setMaxFutureValidityInMinutes((int) ServiceTokenIssuer.MAX_LIFETIME.toMinutes())
                    .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                    .build()
                    .processToClaims(token);
            return claims.getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new InvalidServiceTokenException("token is invalid, expired or not meant for this service");
        }
    }

    private String issuerOf(String token) {
        try {
            String issuer = unverifiedReader.processToClaims(token).getIssuer();
            if (issuer == null) {
                throw new InvalidServiceTokenException("token has no issuer");
            }
            return issuer;
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new InvalidServiceTokenException("not a JWT");
        }
    }

    /** Why a token was refused; safe to show the caller (it never echoes the token). */
    public static class InvalidServiceTokenException extends RuntimeException {

        public InvalidServiceTokenException(String message) {
            super(message);
        }
    }
}

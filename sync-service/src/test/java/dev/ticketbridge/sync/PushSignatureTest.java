package dev.ticketbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PushSignatureTest {

    private static final String SECRET = PushSignature.deriveSecret("master", "tenant-a");

    @Test
    void signatureOfTheSameTimestampAndBodyVerifies() {
        String header = PushSignature.sign(SECRET, "1700000000", "{\"sys_id\":\"x\"}");

        assertThat(header).startsWith("v1=");
        assertThat(PushSignature.verify(SECRET, "1700000000", "{\"sys_id\":\"x\"}", header)).isTrue();
    }

    @Test
    void alteredBodyTimestampOrSecretDoesNotVerify() {
        String header = PushSignature.sign(SECRET, "1700000000", "{\"sys_id\":\"x\"}");

        assertThat(PushSignature.verify(SECRET, "1700000000", "{\"sys_id\":\"y\"}", header)).isFalse();
        assertThat(PushSignature.verify(SECRET, "1700000001", "{\"sys_id\":\"x\"}", header)).isFalse();
        assertThat(PushSignature.verify(PushSignature.deriveSecret("master", "tenant-b"), "1700000000",
                "{\"sys_id\":\"x\"}", header)).isFalse();
        assertThat(PushSignature.verify(SECRET, "1700000000", "{\"sys_id\":\"x\"}", null)).isFalse();
    }

    @Test
    void derivedSecretIsBase64AsServiceNowsGenerateMacExpects() {
        assertThat(Base64.getDecoder().decode(SECRET)).hasSize(32);
    }
}

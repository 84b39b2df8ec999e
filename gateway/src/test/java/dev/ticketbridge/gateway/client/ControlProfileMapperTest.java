package dev.ticketbridge.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.contracts.events.RecommendationCategory;
import org.junit.jupiter.api.Test;

class ControlProfileMapperTest {

    @Test
    void remediationLosesScriptsHandlersAndUnsafeLinks() {
        String clean = ControlProfileMapper.sanitise("<p onclick=\"steal()\">Open <a href=\"javascript:alert(1)\">this</a>"
                + " or <a href=\"https://learn.microsoft.com\">that</a><script>alert(2)</script><img src=x onerror=y></p>");
        assertThat(clean).doesNotContain("script", "onclick", "javascript:", "onerror", "<img");
        assertThat(clean).contains("<a href=\"https://learn.microsoft.com\"", "<p>");
    }

    @Test
    void graphCategoryNamesOldAndNewMapToTheFiveCategories() {
        assertThat(ControlProfileMapper.category("Device")).contains(RecommendationCategory.Devices);
        assertThat(ControlProfileMapper.category("Account")).contains(RecommendationCategory.Identity);
        assertThat(ControlProfileMapper.category("Infrastructure")).contains(RecommendationCategory.Infrastructure);
        assertThat(ControlProfileMapper.category("Something")).isEmpty();
    }
}

package fr.trame.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A refused field is named in French when it has a name, as it is otherwise. */
class RequestLimitsTest {

    private static void refuse(String field, String value, String expected) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/f/x/programmes");
        request.addParameter(field, value);
        assertThatThrownBy(() -> new RequestLimits().preHandle(request, new MockHttpServletResponse(), null))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining(expected);
    }

    @Test
    void namesTheFieldInFrench() {
        refuse("name", "x".repeat(RequestLimits.SHORT + 1), "Le champ « nom » compte 501 caractères");
        refuse("phone", "06\u0000", "Le champ « téléphone » contient un caractère nul");
        refuse("zzUnknown", "x".repeat(RequestLimits.SHORT + 1), "Le champ « zzUnknown »");
    }
}

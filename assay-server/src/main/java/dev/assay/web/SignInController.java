package dev.assay.web;

import dev.assay.auth.ApiKeyService;
import dev.assay.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in to the dashboard with an API key, and out again. */
@Controller
class SignInController {
    static final String SIGN_IN = "/ui/sign-in";
    private static final int MAX_KEY_LENGTH = 200;

    private final ApiKeyService keys;

    SignInController(ApiKeyService keys) {
        this.keys = keys;
    }

    /** A browser opening the server's address lands on the dashboard; the API keeps its own paths. */
    @GetMapping("/")
    String root() {
        return "redirect:/ui";
    }

    @GetMapping(SIGN_IN)
    String signInPage(HttpServletRequest request, Model model) {
        model.addAttribute("csrf", DashboardSession.csrfToken(request));
        return "ui/sign-in";
    }

    @PostMapping(SIGN_IN)
    String signIn(@RequestParam(name = "apiKey", defaultValue = "") String apiKey, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<Caller> caller = apiKey.length() > MAX_KEY_LENGTH ? Optional.empty() : keys.authenticate(apiKey.strip());
        if (caller.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("csrf", DashboardSession.csrfToken(request));
            model.addAttribute("error", "This API key is unknown or revoked.");
            return "ui/sign-in";
        }
        DashboardSession.signIn(request, caller.get().apiKeyId());
        return "redirect:/ui";
    }

    @PostMapping("/ui/sign-out")
    String signOut(HttpServletRequest request) {
        DashboardSession.signOut(request);
        return "redirect:" + SIGN_IN;
    }
}

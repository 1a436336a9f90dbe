package dev.assay.web;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.evaluation.Evaluation;
import dev.assay.evaluation.EvaluationQueryService;
import dev.assay.evaluation.EvaluationStatus;
import dev.assay.evaluation.HumanEvaluationService;
import dev.assay.inference.InferenceResult;
import dev.assay.inference.InferenceResultService;
import dev.assay.web.DashboardViews.PendingRow;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The annotation queue: claim the next evaluation waiting for a human, read its turn, submit a
 * score and a reason. The annotator is the signed-in API key, as in the API's queue.
 */
@Controller
class AnnotationPageController {
    private static final int QUEUE_PAGE = 50;
    private static final int MAX_REASON = 10_000;

    private final HumanEvaluationService queue;
    private final EvaluationQueryService evaluations;
    private final InferenceResultService turns;
    private final Names names;

    AnnotationPageController(HumanEvaluationService queue, EvaluationQueryService evaluations, InferenceResultService turns,
            Names names) {
        this.queue = queue;
        this.evaluations = evaluations;
        this.turns = turns;
        this.names = names;
    }

    @GetMapping("/ui/annotations")
    String queue(Caller caller, Model model) {
        List<Evaluation> pending = queue.listPending(caller, Params.of("limit", String.valueOf(QUEUE_PAGE)).query());
        Map<UUID, String> metricNames = names.metrics(caller, pending.stream().map(Evaluation::metricId).collect(Collectors.toSet()));
        String me = Ids.format(IdKind.API_KEY, caller.apiKeyId());
        model.addAttribute("pending", pending.stream()
                .map(evaluation -> new PendingRow(Ids.format(IdKind.EVALUATION, evaluation.id()),
                        metricNames.getOrDefault(evaluation.metricId(), "deleted metric"),
                        Ids.format(IdKind.SESSION, evaluation.sessionId()),
                        evaluation.humanReview().humanEvaluatorId() == null
                                ? ""
                                : me.equals(evaluation.humanReview().humanEvaluatorId()) ? "you" : "another key",
                        Formats.time(evaluation.createdAt())))
                .toList());
        return "ui/annotations";
    }

    /** Claims the oldest evaluation nobody else holds; one already claimed by the caller comes first. */
    @PostMapping("/ui/annotations/claim")
    String claimNext(Caller caller, RedirectAttributes redirect) {
        for (Evaluation evaluation : queue.listPending(caller, Params.of("limit", String.valueOf(QUEUE_PAGE)).query())) {
            String id = Ids.format(IdKind.EVALUATION, evaluation.id());
            try {
                queue.claim(caller, id);
                return "redirect:/ui/annotations/" + id;
            } catch (AssayException claimedMeanwhile) {
                // Another annotator was quicker; try the next one.
            }
        }
        redirect.addFlashAttribute("notice", "Nothing is waiting for a human right now.");
        return "redirect:/ui/annotations";
    }

    @GetMapping("/ui/annotations/{evaluationId}")
    String annotate(Caller caller, @PathVariable String evaluationId, Model model) {
        Evaluation evaluation = evaluations.get(caller, evaluationId);
        model.addAttribute("evaluation", ConversationPageController.evaluationView(evaluation,
                names.metrics(caller, List.of(evaluation.metricId()))));
        Optional<InferenceResult> turn = evaluation.inferenceResultId() == null
                ? Optional.empty()
                : turns.findById(caller, evaluation.inferenceResultId());
        model.addAttribute("input", turn.map(t -> Formats.input(t.content().input())).orElse(""));
        model.addAttribute("output", turn.map(t -> Objects.requireNonNullElse(t.content().actualOutput(), "")).orElse(""));
        model.addAttribute("retrievalContext", turn.map(t -> Objects.requireNonNullElse(t.content().retrievalContext(), "")).orElse(""));
        model.addAttribute("open", evaluation.outcome().status() == EvaluationStatus.PENDING_HUMAN
                && Ids.format(IdKind.API_KEY, caller.apiKeyId()).equals(evaluation.humanReview().humanEvaluatorId()));
        model.addAttribute("evaluationId", evaluationId);
        return "ui/annotate";
    }

    @PostMapping("/ui/annotations/{evaluationId}")
    String submit(Caller caller, @PathVariable String evaluationId,
            @RequestParam(defaultValue = "") String score, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        try {
            Double value = Params.score("score", score);
            if (value == null) {
                throw AssayException.invalidField("score", "is required: a number from 0 to 1");
            }
            if (reason != null && reason.length() > MAX_REASON) {
                throw AssayException.invalidField("reason", "must be at most " + MAX_REASON + " characters");
            }
            queue.submit(caller, evaluationId, value, reason == null || reason.isBlank() ? null : reason.strip());
        } catch (AssayException refused) {
            response.setStatus(refused.code().status());
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("score", score);
            model.addAttribute("reason", Objects.requireNonNullElse(reason, ""));
            return annotate(caller, evaluationId, model);
        }
        redirect.addFlashAttribute("notice", "Saved your score for " + evaluationId + ".");
        return "redirect:/ui/annotations";
    }
}

package dev.confirma.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confirma.callback.CallbackTargets;
import dev.confirma.callback.WebhookHeaders;
import dev.confirma.callback.WebhookSubscriptions;
import dev.confirma.common.json.JsonRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code POST} and {@code PATCH /v1/webhooks} bodies, naming every refused field at once. */
@Singleton
class V1WebhookRequests {

    private static final Set<String> FIELDS = Set.of("url", "events", "headers", "enabled", "description");

    private final CallbackTargets targets;

    V1WebhookRequests(CallbackTargets targets) {
        this.targets = targets;
    }

    WebhookSubscriptions.Draft forCreate(JsonNode node) {
        return read(node, true);
    }

    WebhookSubscriptions.Draft forUpdate(JsonNode node) {
        return read(node, false);
    }

    private WebhookSubscriptions.Draft read(JsonNode node, boolean creating) {
        JsonRequest body = JsonRequest.body(node);
        FieldErrors errors = new FieldErrors();
        V1OrderRequests.unknownFields(node, "", FIELDS, errors);
        Optional<String> url = errors.readOptional(() -> creating
                ? Optional.of(body.requiredHttpUrl("url")) : body.optionalHttpUrl("url"))
                .map(value -> errors.read(() -> targets.requirePublic(value, "url")).orElse(null));
        Optional<List<String>> events = events(node.get("events"), creating, errors);
        Optional<Map<String, String>> headers = headers(node.get("headers"), errors);
        Optional<Boolean> enabled = Optional.empty();
        JsonNode enabledNode = node.get("enabled");
        if (enabledNode != null && !enabledNode.isNull()) {
            if (enabledNode.isBoolean()) {
                enabled = Optional.of(enabledNode.booleanValue());
            } else {
                errors.refuse("enabled", "enabled must be true or false");
            }
        }
        Optional<String> description = errors.readOptional(() -> body.optionalText("description", 500));
        errors.throwIfAny();
        return new WebhookSubscriptions.Draft(url, events, headers, enabled, description);
    }

    private static Optional<List<String>> events(JsonNode value, boolean required, FieldErrors errors) {
        if (value == null || value.isNull()) {
            if (required) {
                errors.refuse("events", "events is required: one or more of " + V1Events.ORDER_EVENTS);
            }
            return Optional.empty();
        }
        if (!value.isArray() || value.isEmpty()) {
            errors.refuse("events", "events must be a non-empty array of event names, from " + V1Events.ORDER_EVENTS);
            return Optional.empty();
        }
        Set<String> events = new LinkedHashSet<>();
        boolean refused = false;
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String name = item.isTextual() ? item.textValue().trim().toLowerCase(Locale.ROOT) : null;
            if (name == null || !V1Events.ORDER_EVENTS.contains(name)) {
                errors.refuse("events[" + i + "]", "events[" + i + "] must be one of " + V1Events.ORDER_EVENTS);
                refused = true;
            } else {
                events.add(name);
            }
        }
        return refused ? Optional.empty() : Optional.of(new ArrayList<>(events));
    }

    private static Optional<Map<String, String>> headers(JsonNode value, FieldErrors errors) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            errors.refuse("headers", "headers must be a JSON object of header names and string values");
            return Optional.empty();
        }
        if (value.size() > WebhookHeaders.MAX) {
            errors.refuse("headers", "headers may hold at most " + WebhookHeaders.MAX + " headers");
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean refused = false;
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String text = field.getValue().isTextual() ? field.getValue().textValue() : null;
            Optional<String> refusal = WebhookHeaders.refusal(name, text);
            if (refusal.isEmpty() && !seen.add(name.toLowerCase(Locale.ROOT))) {
                refusal = Optional.of(name + " is given twice (header names are case-insensitive)");
            }
            if (refusal.isPresent()) {
                errors.refuse("headers." + name, refusal.get());
                refused = true;
            } else {
                headers.put(name, text);
            }
        }
        return refused ? Optional.empty() : Optional.of(headers);
    }
}

package io.hybridllm.cost.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The elements of a serialized DOM by tag, with their attributes: enough to check what the dashboard drew, since
 * chromium serializes attributes as {@code name="value"} with quotes and ampersands escaped.
 */
final class Dom {

    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)=\"([^\"]*)\"");

    /** Every start tag {@code <tag ...>} with its attributes, in document order. */
    static List<Map<String, String>> elements(String html, String tag) {
        List<Map<String, String>> elements = new ArrayList<>();
        Matcher start = Pattern.compile("<" + tag + "(\\s[^>]*)?>").matcher(html);
        while (start.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(start.group(1) == null ? "" : start.group(1));
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2).replace("&quot;", "\"").replace("&amp;", "&"));
            }
            elements.add(attributes);
        }
        return elements;
    }

    /** The elements of a tag whose {@code class} attribute holds {@code className}. */
    static List<Map<String, String>> withClass(String html, String tag, String className) {
        return elements(html, tag).stream()
                .filter(e -> List.of(e.getOrDefault("class", "").split(" ")).contains(className)).toList();
    }

    /** The text of the first element of a tag whose attributes include the given one, e.g. a KPI tile's value. */
    static String textAfter(String html, String marker, String tag, String className) {
        int at = html.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("no " + marker + " in the dashboard's DOM");
        }
        Matcher text = Pattern.compile("<" + tag + " class=\"" + className + "\">([^<]*)<").matcher(html);
        if (!text.find(at)) {
            throw new AssertionError("no " + tag + "." + className + " after " + marker);
        }
        return text.group(1);
    }

    private Dom() {
    }
}

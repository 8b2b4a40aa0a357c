package io.ordercare.dialog.call.twiml;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A TwiML document read the way a telephony platform reads it: the verbs of its {@code <Response>} in order.
 * Used by the telephony simulator, and by tests that check what a webhook answered. The parser refuses
 * DOCTYPEs and never resolves external entities.
 */
public record TwimlDocument(List<Verb> verbs) {

    public TwimlDocument {
        verbs = List.copyOf(verbs);
    }

    /** One instruction of a response. */
    public sealed interface Verb permits Say, Pause, Gather, Redirect, Hangup, Dial, Unsupported {
    }

    /** {@code <Say language voice>text</Say>}; language and voice are null when absent. */
    public record Say(String language, String voice, String text) implements Verb {
    }

    /** {@code <Pause length>} (1 second when absent). */
    public record Pause(int seconds) implements Verb {
    }

    /**
     * {@code <Gather>} with its attributes (TwiML's defaults where absent; {@code action} null means the
     * current document's URL) and the {@code <Say>}s nested in it.
     */
    public record Gather(String action, String method, String input, String language, int timeoutSeconds,
            String numDigits, boolean actionOnEmptyResult, List<Say> says) implements Verb {

        public Gather {
            says = List.copyOf(says);
        }

        /** The nested {@code <Say>} texts, joined by a space. */
        public String prompt() {
            return says.stream().map(Say::text).collect(Collectors.joining(" "));
        }
    }

    /** {@code <Redirect method>url</Redirect>}. */
    public record Redirect(String url, String method) implements Verb {
    }

    /** {@code <Hangup/>}. */
    public record Hangup() implements Verb {
    }

    /** {@code <Dial callerId>number</Dial>}; callerId null when absent. */
    public record Dial(String number, String callerId) implements Verb {
    }

    /** Any other verb ({@code <Play>}, {@code <Record>}, ...), by name. */
    public record Unsupported(String name) implements Verb {
    }

    /** Thrown when the text is not a TwiML response. */
    public static final class InvalidTwimlException extends RuntimeException {
        public InvalidTwimlException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final DocumentBuilderFactory FACTORY = secureFactory();
    // DocumentBuilder is not thread-safe; the simulator parses on a few event-loop threads.
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(TwimlDocument::newBuilder);

    /** Reads a TwiML response; throws {@link InvalidTwimlException} when it is not one. */
    public static TwimlDocument parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new InvalidTwimlException("empty TwiML", null);
        }
        Element root;
        try {
            DocumentBuilder builder = BUILDER.get();
            builder.reset();
            builder.setErrorHandler(new DefaultHandler()); // no stderr noise; errors still throw
            root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new InvalidTwimlException("not well-formed TwiML: " + e.getMessage(), e);
        }
        if (!"Response".equals(root.getTagName())) {
            throw new InvalidTwimlException("the root element is <" + root.getTagName() + ">, not <Response>", null);
        }
        List<Verb> verbs = new ArrayList<>();
        for (Element e : children(root)) {
            verbs.add(verb(e));
        }
        return new TwimlDocument(verbs);
    }

    /** The first {@code <Gather>}, if any. */
    public Optional<Gather> gather() {
        return verbs.stream().filter(Gather.class::isInstance).map(Gather.class::cast).findFirst();
    }

    /** Every text spoken, in order (those inside a {@code <Gather>} too), joined by a space. */
    public String spokenText() {
        List<String> texts = new ArrayList<>();
        for (Verb v : verbs) {
            if (v instanceof Say s) {
                texts.add(s.text());
            } else if (v instanceof Gather g) {
                g.says().forEach(s -> texts.add(s.text()));
            }
        }
        return String.join(" ", texts);
    }

    /** Whether the call ends here ({@code <Hangup/>}). */
    public boolean hangsUp() {
        return verbs.stream().anyMatch(Hangup.class::isInstance);
    }

    private static Verb verb(Element e) {
        return switch (e.getTagName()) {
            case "Say" -> say(e);
            case "Pause" -> new Pause(intAttr(e, "length", 1));
            case "Gather" -> new Gather(attr(e, "action"), orDefault(attr(e, "method"), "POST"),
                    orDefault(attr(e, "input"), "dtmf"), attr(e, "language"), intAttr(e, "timeout", 5),
                    attr(e, "numDigits"), "true".equalsIgnoreCase(attr(e, "actionOnEmptyResult")),
                    children(e).stream().filter(c -> c.getTagName().equals("Say")).map(TwimlDocument::say).toList());
            case "Redirect" -> new Redirect(e.getTextContent().strip(), orDefault(attr(e, "method"), "POST"));
            case "Hangup" -> new Hangup();
            case "Dial" -> new Dial(e.getTextContent().strip(), attr(e, "callerId"));
            default -> new Unsupported(e.getTagName());
        };
    }

    private static Say say(Element e) {
        return new Say(attr(e, "language"), attr(e, "voice"), e.getTextContent().strip());
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static int intAttr(Element e, String name, int fallback) {
        String v = attr(e, name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException ex) {
            throw new InvalidTwimlException("<" + e.getTagName() + " " + name + "=\"" + v + "\"> is not a number", ex);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be secured", e);
        }
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }

    private static DocumentBuilder newBuilder() {
        try {
            synchronized (FACTORY) { // the factory is not thread-safe either
                return FACTORY.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.xietong.callback;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import cn.xietong.wecom.CallbackCrypto.CallbackRejectedException;

/**
 * The only XML parser of callbacks: StAX with DTDs and external entities switched off, and any
 * DOCTYPE refused outright — so neither XXE nor entity expansion ("billion laughs") can happen.
 * Reads the flat documents WeChat Work sends: every element's text by its name (nested elements such
 * as {@code BatchJob/JobId} by their own name).
 */
final class CallbackXml {

	private static final int MAX_ELEMENTS = 200;
	private static final int MAX_DEPTH = 6;
	/**
	 * One factory per thread, asking the JDK's StAX to reuse its reader once closed: building a reader
	 * (scanner, entity manager, buffers) cost more than parsing a callback. The hardening is the
	 * factory's and stays with the reused reader; a factory is never shared between threads.
	 */
	private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(CallbackXml::factory);
	private static final String REUSE_INSTANCE = "reuse-instance";

	private CallbackXml() {
	}

	static Map<String, String> parse(String xml) {
		Map<String, String> fields = new LinkedHashMap<>();
		XMLStreamReader reader = null;
		try {
			reader = FACTORY.get().createXMLStreamReader(new StringReader(xml));
			int depth = 0;
			int elements = 0;
			String current = null;
			StringBuilder text = new StringBuilder();
			boolean rootSeen = false;
			while (reader.hasNext()) {
				int event = reader.next();
				switch (event) {
					case XMLStreamConstants.DTD -> throw new CallbackRejectedException("xml", "XML 含有 DOCTYPE，已拒绝");
					case XMLStreamConstants.ENTITY_REFERENCE -> throw new CallbackRejectedException("xml", "XML 含有实体引用，已拒绝");
					case XMLStreamConstants.START_ELEMENT -> {
						if (depth == 0 && rootSeen) {
							throw new CallbackRejectedException("xml", "XML 格式不对");
						}
						rootSeen = true;
						depth++;
						if (depth > MAX_DEPTH || ++elements > MAX_ELEMENTS) {
							throw new CallbackRejectedException("xml", "XML 结构过深或元素过多");
						}
						current = reader.getLocalName();
						text.setLength(0);
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
						if (current != null) {
							text.append(reader.getText());
						}
					}
					case XMLStreamConstants.END_ELEMENT -> {
						if (current != null && depth > 1) {
							fields.putIfAbsent(current, text.toString().strip());
						}
						current = null;
						text.setLength(0);
						depth--;
						if (depth == 0 && onlyWhitespaceAfter(xml, reader)) {
							return fields; // the usual case; anything else after the root goes through the checks below
						}
					}
					default -> {
						// comments and processing instructions carry nothing
					}
				}
			}
			if (!rootSeen) {
				throw new CallbackRejectedException("xml", "不是 XML");
			}
			return fields;
		}
		catch (XMLStreamException | RuntimeException ex) {
			if (ex instanceof CallbackRejectedException rejected) {
				throw rejected;
			}
			throw new CallbackRejectedException("xml", "不是有效的 XML");
		}
		finally {
			if (reader != null) {
				try {
					reader.close();
				}
				catch (XMLStreamException ex) {
					// nothing to release
				}
			}
		}
	}

	/**
	 * Is there nothing but whitespace after the root element? Then the scanner need not read on (its trailing
	 * part cost ≈ a third of the parse). When the reader cannot say where it is, the answer is no.
	 */
	private static boolean onlyWhitespaceAfter(String xml, XMLStreamReader reader) {
		int offset = reader.getLocation().getCharacterOffset();
		if (offset <= 0 || offset > xml.length() || xml.charAt(offset - 1) != '>') {
			return false;
		}
		for (int i = offset; i < xml.length(); i++) {
			if (!Character.isWhitespace(xml.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
			throw new XMLStreamException("external resources are not loaded");
		});
		if (factory.isPropertySupported(REUSE_INSTANCE)) {
			factory.setProperty(REUSE_INSTANCE, Boolean.TRUE);
		}
		return factory;
	}
}

package io.github.leadrules.model;

/**
 * What the lead asked for when it came in. Sales requests (demo, quote, contact sales) show
 * intent; a document request (資料請求) shows interest; content (white paper, article, seminar)
 * shows only curiosity.
 */
public enum InquiryType {
    /** Asked to see the product. */
    DEMO,
    /** Asked for a price quote (見積依頼). */
    QUOTE,
    /** Asked to be contacted by sales (問い合わせ). */
    CONTACT_SALES,
    /** Requested product documents (資料請求). Interest, not intent. */
    DOCUMENT_REQUEST,
    /** Downloaded a white paper. */
    WHITE_PAPER,
    /** Read an article or blog post. */
    ARTICLE,
    /** Registered for or attended a seminar or webinar (セミナー). */
    SEMINAR,
    /** Anything else, or not recorded. */
    OTHER;

    /** {@return whether this inquiry asks for contact with sales: demo, quote or contact sales} */
    public boolean isSalesRequest() {
        return this == DEMO || this == QUOTE || this == CONTACT_SALES;
    }

    /** {@return whether this inquiry is content consumption only: white paper, article or seminar} */
    public boolean isContentOnly() {
        return this == WHITE_PAPER || this == ARTICLE || this == SEMINAR;
    }
}

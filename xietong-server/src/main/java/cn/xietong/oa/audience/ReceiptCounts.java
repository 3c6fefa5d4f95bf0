package cn.xietong.oa.audience;

/** How many readers an item reached, and how many read and confirmed it. */
public record ReceiptCounts(long total, long read, long confirmed) {

	public long unread() {
		return total - read;
	}

	public long unconfirmed() {
		return total - confirmed;
	}
}

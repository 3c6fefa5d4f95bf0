package cn.xietong.wecom;

/** A picture WeChat Work serves from a URL (the join QR code): its bytes and content type ({@code image/…}). */
public record Picture(String contentType, byte[] bytes) {

	@Override
	public String toString() {
		return "Picture[" + contentType + ", " + bytes.length + " bytes]";
	}
}

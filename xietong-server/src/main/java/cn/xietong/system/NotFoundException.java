package cn.xietong.system;

/** An unknown id: answered with 404. {@code what} names the kind, {@code id} the key asked for. */
public class NotFoundException extends RuntimeException {

	private final String what;
	private final String id;

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
		this.what = what;
		this.id = String.valueOf(id);
	}

	public String what() {
		return what;
	}

	public String id() {
		return id;
	}
}

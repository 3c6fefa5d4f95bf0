package cn.xietong.wecom.emulator;

/** Entry point of the standalone emulator jar. */
public final class EmulatorMain {
	public static void main(String[] args) {
		throw new IllegalStateException("the emulator is being built (issue 3)");
	}
}

package cn.xietong.wecom.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.imageio.ImageIO;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code corp/get_join_qrcode}: answers a {@code join_qrcode} URL like WeChat Work; the emulator serves
 * that URL itself as a PNG. The picture is a deterministic QR-like pattern, not a scannable QR code.
 */
final class JoinQrCode {
	static final int[] SIZES = {171, 399, 741, 2052};

	private final WecomEmulator emu;

	JoinQrCode(WecomEmulator emu) {
		this.emu = emu;
	}

	ObjectNode get(Call c) {
		c.requireContactSync();
		Integer size = c.qInt("size_type", 40058);
		int s = size == null ? 1 : size;
		if (s < 1 || s > 4) {
			throw new ApiException(40058, "invalid parameter, size_type must be 1-4");
		}
		ObjectNode o = Call.ok("ok");
		o.put("join_qrcode", emu.baseUrl() + "/__emulator/join-qrcode/" + c.corp.corpId + ".png?size_type=" + s);
		return o;
	}

	static byte[] png(String corpId, int sizeType) {
		int px = SIZES[Math.max(1, Math.min(4, sizeType)) - 1];
		int cells = 25;
		byte[] seed;
		try {
			seed = MessageDigest.getInstance("SHA-256").digest(corpId.getBytes(StandardCharsets.UTF_8));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		BufferedImage img = new BufferedImage(px, px, BufferedImage.TYPE_BYTE_BINARY);
		double cell = px / (double) (cells + 4);
		for (int y = 0; y < px; y++) {
			for (int x = 0; x < px; x++) {
				int cx = (int) (x / cell) - 2;
				int cy = (int) (y / cell) - 2;
				boolean dark = false;
				if (cx >= 0 && cy >= 0 && cx < cells && cy < cells) {
					dark = finder(cx, cy, cells) ? finderDark(cx, cy, cells)
							: ((seed[(cx * 31 + cy * 17) % seed.length] >> ((cx + cy) % 8)) & 1) == 1;
				}
				img.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
			}
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(img, "png", out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static boolean finder(int x, int y, int n) {
		return (x < 8 && y < 8) || (x >= n - 8 && y < 8) || (x < 8 && y >= n - 8);
	}

	private static boolean finderDark(int x, int y, int n) {
		int fx = x >= n - 8 ? x - (n - 7) : x;
		int fy = y >= n - 8 ? y - (n - 7) : y;
		if (fx < 0 || fy < 0 || fx > 6 || fy > 6) {
			return false;
		}
		return fx == 0 || fy == 0 || fx == 6 || fy == 6 || (fx >= 2 && fx <= 4 && fy >= 2 && fy <= 4);
	}
}

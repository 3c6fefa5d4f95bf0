package cn.xietong.wecom.emulator;

import java.time.Instant;

/**
 * One API call as the emulator saw it.
 *
 * @param corpId the corp the call was for ({@code null} when unknown, e.g. a bad token)
 * @param path the path, e.g. {@code /cgi-bin/user/get}
 * @param errcode the errcode answered (0 = success)
 * @param at emulator time of the call
 */
public record CallRecord(String corpId, String path, int errcode, Instant at) {
}

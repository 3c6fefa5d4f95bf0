package cn.xietong.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every module.
 *
 * @param dataDir where the embedded database, the master key file and attachments live
 * @param masterKey base64 of 32 random bytes used to encrypt secrets at rest; when empty a key file
 *        {@code master.key} is created in the data directory on first start
 */
@ConfigurationProperties("xietong")
public record XietongSettings(@DefaultValue("./data") Path dataDir, String masterKey) {

	@Override
	public String toString() {
		return "XietongSettings[dataDir=" + dataDir + ", masterKey=" + (masterKey == null || masterKey.isBlank() ? "<key file>" : "<set>") + "]";
	}
}

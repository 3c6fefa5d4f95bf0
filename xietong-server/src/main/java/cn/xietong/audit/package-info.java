/** The audit log: who changed what, when, with before and after. Secrets are recorded only as "changed". */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package cn.xietong.audit;

package id.sopflow.sop;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * Starting an SOP for a kecamatan: its own variant ({@code berlaku: kecamatan}) when it has one,
 * otherwise the shared process. The instance is told its kecamatan in the variable
 * {@value #KECAMATAN_VARIABLE} (shared processes take their tenant from it when the system starts them).
 */
public final class SopStart {

    public static final String KECAMATAN_VARIABLE = ProcessContract.KECAMATAN;

    private SopStart() {
    }

    /**
     * The business key of an instance for a period: {@code KODE-PERIODE} (e.g. {@code RENJA-2027}); a recurring SOP's
     * also names the kecamatan, as its schedule starts one per kecamatan ({@code RFK-TEPPA-arut-selatan-2026-12}).
     */
    public static String businessKey(String kode, String kecamatan, String period, boolean recurring) {
        String key = kode.toUpperCase(java.util.Locale.ROOT);
        return recurring ? key + "-" + kecamatan + "-" + period : key + "-" + period;
    }

    public static ProcessInstantiationBuilder forKecamatan(ProcessEngineServices engine, String kode, String kecamatan) {
        boolean variant = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(kode).tenantIdIn(kecamatan).latestVersion().count() > 0;
        ProcessInstantiationBuilder builder = engine.getRuntimeService().createProcessInstanceByKey(kode);
        return (variant ? builder.processDefinitionTenantId(kecamatan) : builder.processDefinitionWithoutTenantId())
                .setVariable(KECAMATAN_VARIABLE, kecamatan);
    }
}

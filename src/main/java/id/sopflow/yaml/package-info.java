/**
 * Reading SOPflow's own YAML files (SOP sources, the organisation) so that every problem names the
 * file, the line, the entry and the field. Plain Java on SnakeYAML's node API; shared by the
 * {@code sop} and {@code organisation} readers. Entry point: {@link id.sopflow.yaml.YamlFields}.
 */
package id.sopflow.yaml;

return {
  ["event.macheng_rice.title"] = "An early-rice \"satellite\" in Macheng, August 1958",
  ["event.macheng_rice.text"] = "On 13 August 1958 the People's Daily put on its front page a claim from the Jianguo commune in Macheng county, Hubei: 36,956 jin of early rice from one mu. No field could grow a tenth of that. Hubei's cadres watch how the centre answers.",
  ["event.macheng_rice.option.front_page"] = "Celebrate it on the front page",
  ["event.macheng_rice.option.weigh_the_harvest"] = "Send someone to weigh the harvest",
}
